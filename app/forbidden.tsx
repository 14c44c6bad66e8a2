import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="panel">
      <h1>Not allowed</h1>
      <p>
        Your role does not allow this page or action. Ask an admin if you need it.{" "}
        <Link href="/alerts">Back to the alerts</Link>
      </p>
    </section>
  );
}
