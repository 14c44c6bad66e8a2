// A file with thousands of bad records would bury the table; the job keeps the first hundred and
// the server log has them all.
const ERRORS_SHOWN = 20;

type RecordError = { position: string | number; message: string };

/** A file's record errors with their positions, the first few and how many more. */
export function RecordErrors({ errors }: { errors: RecordError[] }) {
  if (errors.length === 0) return null;
  const shown = errors.slice(0, ERRORS_SHOWN);
  return (
    <ul className="compact">
      {shown.map((error, index) => (
        // Two records may fail for the same reason at the same position text.
        // biome-ignore lint/suspicious/noArrayIndexKey: a static list
        <li key={index}>
          <span className="mono">{error.position}</span>: {error.message}
        </li>
      ))}
      {errors.length > shown.length ? <li>… and {errors.length - shown.length} more</li> : null}
    </ul>
  );
}
