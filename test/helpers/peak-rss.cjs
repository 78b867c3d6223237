// Preloaded into a CLI process by tests that bound its memory: at exit, the peak resident set size
// (KiB) goes to the file named by TREATY_TEST_RSS_FILE.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.TREATY_TEST_RSS_FILE) writeFileSync(process.env.TREATY_TEST_RSS_FILE, String(process.resourceUsage().maxRSS));
});
