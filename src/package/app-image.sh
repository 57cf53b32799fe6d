#!/bin/sh
# Builds a self-contained application image with the JDK's jpackage (run by `mvn package -Ppackage`).
# Usage: app-image.sh JAVA_HOME TARGET_DIR VERSION MAIN_CLASS ICON
set -eu
java_home=$1 target=$2 version=$3 main_class=$4 icon=$5
cd "$target"
rm -rf app app-input
# jpackage takes a whole input folder: give it one that holds only the jar.
mkdir app-input
cp budmon.jar app-input/
"$java_home/bin/jpackage" --type app-image --name budmon --app-version "$version" \
  --input app-input --main-jar budmon.jar --main-class "$main_class" --icon "$icon" --dest app \
  --java-options "-XX:+UseSerialGC -XX:TieredStopAtLevel=1" \
  --java-options "--add-opens=java.desktop/sun.awt.X11=ALL-UNNAMED"
echo "application image: $target/app/budmon (run bin/budmon)"
