const REGEX_SPECIAL = /[\\^$.|+()[\]{}]/;

/**
 * Compiles an actor glob (`*` any run of characters, `?` exactly one) into an anchored regular
 * expression that PostgreSQL's `~*` and JavaScript's RegExp read the same way.
 */
export function globToRegex(glob: string): string {
  let pattern = "^";
  for (const char of glob) {
    if (char === "*") pattern += ".*";
    else if (char === "?") pattern += ".";
    else if (REGEX_SPECIAL.test(char)) pattern += `\\${char}`;
    else pattern += char;
  }
  return `${pattern}$`;
}

/** The same test the database applies: case-insensitive, whole value. */
export function globMatches(glob: string, value: string): boolean {
  return new RegExp(globToRegex(glob), "iu").test(value);
}
