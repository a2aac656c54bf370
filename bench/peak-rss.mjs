// Runs the built cxm with the given arguments and, when it exits, writes its peak resident memory
// (bytes) to file descriptor 3: `node bench/peak-rss.mjs score FILE…` (bench/hostile.mjs spawns it).
import fs from 'node:fs';

process.on('exit', () => {
  try {
    fs.writeSync(3, String(process.resourceUsage().maxRSS * 1024));
  } catch {
    // no descriptor 3: run by hand
  }
});
await import('../bin/cxm.js');
