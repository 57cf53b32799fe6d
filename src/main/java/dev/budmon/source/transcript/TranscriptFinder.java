package dev.budmon.source.transcript;

import dev.budmon.files.NotRegularFileException;
import dev.budmon.files.SafeRead;
import dev.budmon.model.SourceWarning;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds Claude Code's transcript files: every {@code *.jsonl} below a {@code projects} folder, or one
 * session's transcript with its subagents' files; and tells from a file's place which session it belongs
 * to. Only regular files are taken; everything else becomes a warning. I/O; any thread but the EDT.
 */
final class TranscriptFinder {

    /**
     * A transcript file found.
     *
     * @param projects the projects folder it lies below
     * @param file     the file
     * @param attrs    its attributes as the walk saw them
     */
    record Found(Path projects, Path file, BasicFileAttributes attrs) {
    }

    private TranscriptFinder() {
    }

    /** Every transcript below one projects folder; a missing folder is none, without a warning. */
    static void walkProjects(Path projects, List<SourceWarning> warnings, List<Found> out) {
        BasicFileAttributes rootAttrs;
        try {
            rootAttrs = Files.readAttributes(projects, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            // Normal before Claude Code's first session, and for the other folders of CLAUDE_CONFIG_DIR.
            return;
        } catch (IOException e) {
            warnings.add(new SourceWarning(projects.toString(), "cannot read the transcript folder: " + describe(e)));
            return;
        }
        if (!rootAttrs.isDirectory()) {
            warnings.add(new SourceWarning(projects.toString(), "no transcripts: this is not a folder"));
            return;
        }
        try {
            Files.walkFileTree(projects, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!file.getFileName().toString().endsWith(".jsonl")) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (!attrs.isRegularFile()) {
                                warnings.add(new SourceWarning(file.toString(), attrs.isSymbolicLink()
                                        ? "cannot read: broken symbolic link" : "cannot read: not a regular file"));
                                return FileVisitResult.CONTINUE;
                            }
                            out.add(new Found(projects, file, attrs));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            warnings.add(new SourceWarning(file.toString(), "cannot read: " + describe(e)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                warnings.add(new SourceWarning(dir.toString(), "cannot list: " + describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            warnings.add(new SourceWarning(projects.toString(), "cannot list: " + describe(e)));
        }
    }

    /**
     * One session's files: its transcript {@code <projects>/<project>/<session>.jsonl} and its subagents'
     * {@code <session>/subagents/*.jsonl}. Missing files are none; anything else wrong is a warning.
     */
    static void sessionFiles(Path transcript, List<SourceWarning> warnings, List<Found> out) {
        Path project = transcript.getParent();
        Path projects = project.getParent() != null ? project.getParent() : project;
        List<Path> paths = new java.util.ArrayList<>();
        paths.add(transcript);
        String name = transcript.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            Path subagents = project.resolve(name.substring(0, name.length() - ".jsonl".length())).resolve("subagents");
            if (Files.isDirectory(subagents)) {
                // No glob: it compiles a regular expression, which the status line would pay at every start.
                try (DirectoryStream<Path> list = Files.newDirectoryStream(subagents)) {
                    for (Path p : list) {
                        if (p.getFileName().toString().endsWith(".jsonl")) {
                            paths.add(p);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    warnings.add(new SourceWarning(subagents.toString(), "cannot list: " + describe(e)));
                }
            }
        }
        for (Path file : paths) {
            try {
                out.add(new Found(projects, file, SafeRead.requireRegular(file)));
            } catch (NoSuchFileException e) {
                // not written yet, or gone: no responses
            } catch (IOException | RuntimeException e) {
                warnings.add(new SourceWarning(file.toString(), "cannot read: " + describe(e)));
            }
        }
    }

    /** The projects folder of one of the directories that holds {@code path}; {@code null} when none does. */
    static Path projectsFolderOf(Path path, List<Path> claudeDirs) {
        for (Path dir : claudeDirs) {
            Path projects = dir.toAbsolutePath().normalize().resolve("projects");
            if (path.startsWith(projects) && !path.equals(projects)) {
                return projects;
            }
        }
        return null;
    }

    /** A file's session and main transcript follow from where it lies below the projects folder. */
    static TranscriptFile newFile(Path projects, Path file) {
        Path rel = projects.relativize(file);
        String stem = file.getFileName().toString();
        stem = stem.substring(0, stem.length() - ".jsonl".length());
        if (rel.getNameCount() >= 3) {
            // <project>/<session>/subagents/agent-x.jsonl, or anything else kept in a session's folder
            String session = rel.getName(1).toString();
            return new TranscriptFile(file, session, projects.resolve(rel.getName(0)).resolve(session + ".jsonl"));
        }
        return new TranscriptFile(file, stem, file);
    }

    /** Why a file or folder could not be read, in words for a warning. */
    static String describe(Exception e) {
        if (e instanceof NotRegularFileException n) {
            return n.getReason();
        }
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
