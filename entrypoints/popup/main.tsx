import { render } from 'preact';

function Popup() {
  return (
    <main>
      <h1>Spot Check</h1>
      <p>Flags fitness claims that rest on the spot-reduction myth.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Popup />, root);
