/** Top-level app shell; the editor issue replaces this placeholder layout with the canvas. */
export function App() {
  return (
    <main>
      <h1>Petroflow</h1>
      <p>Offline data pipelines over well logs and tables.</p>
    </main>
  );
}
