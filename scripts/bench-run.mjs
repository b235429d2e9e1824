// One timed pyseam run for `npm run bench`: runs the bundled CLI (as bin/pyseam does) with the
// arguments given, then writes its peak RSS (kB, worker threads included) as the last line
// of standard error: `pyseam-bench: maxRssKb=N`. Plain JavaScript, so no loader is timed.
const { main } = await import(new URL('../dist/bundle/cli.js', import.meta.url).href);
const status = await main(process.argv.slice(2));
process.on('exit', () => process.stderr.write(`pyseam-bench: maxRssKb=${process.resourceUsage().maxRSS}\n`));
process.exitCode = status;
