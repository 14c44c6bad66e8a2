import Form from "next/form";

/** The run instant as a GET form, so a report is a link that can be shared. */
export function RunForm({ at }: { at: Date }) {
  // datetime-local has no zone; the page reads it as UTC, as it says.
  const value = at.toISOString().slice(0, 19);

  return (
    <Form action="/parity" className="panel filters" aria-label="Parity report run">
      <div className="field">
        <label htmlFor="p-at">Run instant (UTC)</label>
        <input id="p-at" name="at" type="datetime-local" step={1} defaultValue={value} required />
      </div>
      <button type="submit">Show report</button>
    </Form>
  );
}
