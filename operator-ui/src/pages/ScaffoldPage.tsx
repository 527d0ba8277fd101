/** A page whose data arrives with a later piece of work; it shows no numbers until then. */
export function ScaffoldPage({ title, what, comes }: { title: string; what: string; comes: string }) {
  return (
    <main className="page">
      <h1>{title}</h1>
      <p>{what}</p>
      <p className="empty" role="note">
        Nothing here yet: this page fills in with real data when {comes} lands.
      </p>
    </main>
  );
}
