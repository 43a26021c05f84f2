#!/usr/bin/env node
// The `draftline` command (package.json "bin"): the CLI's TypeScript run through tsx, from
// whichever folder it is called in.
import { register } from "tsx/esm/api";

register();
await import("../lib/cli/main.ts");
