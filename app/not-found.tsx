import Link from "next/link";

export default function NotFound() {
  return (
    <section className="panel">
      <h1>Not found</h1>
      <p>
        There is nothing at this address. It may have been deleted, or the link is wrong.{" "}
        <Link href="/alerts">Back to the alerts</Link>
      </p>
    </section>
  );
}
