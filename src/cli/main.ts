#!/usr/bin/env node
/** The `smithlet` executable (package.json `bin`). */
import { runCli } from './run'

process.exitCode = await runCli(process.argv.slice(2))
