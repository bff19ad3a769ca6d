// The CLI as a process: what bin/samverkan.js runs from dist/.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
