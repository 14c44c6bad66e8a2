import { z } from "zod";

const Notes = z.array(z.object({ text: z.string(), callerControlled: z.boolean() }));

/**
 * The rule's notes on benign causes. A note whose subject the caller chose (a user agent, a
 * role name) is marked, because an attacker can set it to look harmless.
 */
export function FalsePositiveNotes({ notes }: { notes: unknown }) {
  const parsed = Notes.safeParse(notes);
  if (!parsed.success) return <p className="hint">The notes for this alert could not be read.</p>;
  if (parsed.data.length === 0) return <p className="hint">None for this alert.</p>;

  return (
    <ul>
      {parsed.data.map((note, index) => (
        // Notes have no id and never reorder; the position is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: static list
        <li key={index}>
          {note.text}
          {note.callerControlled ? (
            <>
              {" "}
              <span className="badge sev-medium">set by the caller</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
