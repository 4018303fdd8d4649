// BankID waiting page: asks our server for the status every second with the page's poll token (the
// server collects at BankID at most every two seconds), shows BankID's message, reloads the
// animated QR code (by the same token), and goes back to the waiting page's address when the login is over, where the
// session completes it. Without JavaScript the page refreshes itself instead.
(function () {
  'use strict';
  var status = document.getElementById('bankid-status');
  var qr = document.getElementById('bankid-qr');
  var url = status && status.getAttribute('data-poll');
  if (!url) {
    return;
  }
  function poll() {
    fetch(url, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) {
        // 404: the token is no longer any login's; the waiting page tells the user why.
        return response.status === 404 ? {state: 'over'} : response.json();
      })
      .then(function (body) {
        if (body.state !== 'pending') {
          window.location.replace('/login/bankid/vantar');
          return;
        }
        if (status.textContent !== body.message) {
          status.textContent = body.message;
        }
        if (qr) {
          qr.src = qr.getAttribute('data-qr') + '&n=' + Date.now();
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  window.setTimeout(poll, 1000);
}());
