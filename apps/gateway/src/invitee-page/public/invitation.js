// The invitee page's answer forms, enhanced: the answer goes to the RSVP API with fetch, and the answer section is
// then replaced by a fresh server rendering of the page. Nothing reloads, and the server stays the only renderer
// of the page (labels, states, the closed-after-start message). Without this script the same forms post to the
// page itself, which redirects back.
(function () {
  'use strict';

  function answerOf(form, submitter) {
    const data = new FormData(form);
    const response = submitter && submitter.name === 'response' ? submitter.value : data.get('response');
    const answer = { response };
    // The API refuses delegate fields with any other answer.
    if (response === 'DELEGATE') {
      answer.delegateName = data.get('delegateName');
      answer.delegateTitle = data.get('delegateTitle');
    }
    return answer;
  }

  function setBusy(form, busy) {
    form.setAttribute('aria-busy', String(busy));
    form.querySelectorAll('button').forEach(function (button) {
      button.disabled = busy;
    });
  }

  // Swaps in the answer section of the page at `url`; the result paragraph takes the focus so that a screen reader
  // reads the outcome.
  async function refresh(url) {
    const page = await fetch(url, { headers: { Accept: 'text/html' }, cache: 'no-store' });
    if (!page.ok) throw new Error('page ' + page.status);
    const fresh = new DOMParser().parseFromString(await page.text(), 'text/html').getElementById('answer');
    const current = document.getElementById('answer');
    if (!fresh || !current) throw new Error('no answer section');
    current.replaceWith(document.adoptNode(fresh));
    document.getElementById('answer-result').focus();
  }

  document.addEventListener('submit', async function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.rsvp) return;
    event.preventDefault();
    const failed = document.getElementById('answer-failed');
    failed.hidden = true;
    setBusy(form, true);
    try {
      const sent = await fetch(form.dataset.rsvp, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(answerOf(form, event.submitter)),
      });
      // 409: the conference started or was cancelled meanwhile; the fresh page says so and has no buttons left.
      if (sent.ok) await refresh(form.dataset.saved);
      else if (sent.status === 409) await refresh(form.action);
      else throw new Error('answer ' + sent.status);
    } catch {
      setBusy(form, false);
      failed.hidden = false;
      failed.focus();
    }
  });
})();
