// The TypeScript declarations of sockeye.js (index.d.ts) compile with the documented uses and
// reject wrong ones (types/usage.ts, strict mode).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

test("index.d.ts type-checks the documented uses of sockeye.js", async () => {
  const tsc = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));
  const project = fileURLToPath(new URL("../types/tsconfig.json", import.meta.url));
  try {
    await promisify(execFile)(process.execPath, [tsc, "-p", project, "--pretty", "false"]);
  } catch (error) {
    assert.fail("tsc reported errors:\n" + error.stdout + error.stderr);
  }
});
