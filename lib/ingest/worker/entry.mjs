// Worker threads start here: TypeScript is loaded through tsx, as in the CLI and the server.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
