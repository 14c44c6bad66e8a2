// CPU time of the database server, from /proc (Linux): its processes' own time plus what the
// postmaster has reaped (the backends of closed connections, finished autovacuum workers).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

// Clock ticks per second of /proc/<pid>/stat on Linux.
const TICKS_PER_SECOND = 100;

async function statFields(pid) {
  const text = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after "(comm)": state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14].
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** A function giving the server's CPU seconds so far, or null where /proc cannot tell. */
export async function serverCpuMeter(dataDir) {
  try {
    const pidFile = path.join(dataDir, "pg", "postmaster.pid");
    const postmaster = (await readFile(pidFile, "utf8")).split("\n")[0].trim();
    await statFields(postmaster);
    return async () => {
      const own = await statFields(postmaster);
      let ticks = own.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
      for (const entry of await readdir("/proc")) {
        if (!/^\d+$/.test(entry) || entry === postmaster) continue;
        const fields = await statFields(entry).catch(() => null);
        if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      }
      return ticks / TICKS_PER_SECOND;
    };
  } catch {
    return null;
  }
}
