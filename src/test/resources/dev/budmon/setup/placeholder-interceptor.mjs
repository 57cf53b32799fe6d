// Test placeholder for BudMon's interceptor (interceptor/budmon-interceptor.mjs), used only by the setup
// tests: it is not the interceptor. Loaded through NODE_OPTIONS or BUN_OPTIONS by claude-budmon, it appends
// one line to the file named by BUDMON_TEST_LOADED, so a test can see that the runtime really loaded it.
import { appendFileSync } from 'node:fs';

if (process.env.BUDMON_TEST_LOADED) {
  appendFileSync(process.env.BUDMON_TEST_LOADED, 'loaded\n');
}
