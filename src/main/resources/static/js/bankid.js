// BankID waiting page: asks our server for the status every second (the server collects at BankID
// at most every two seconds), shows BankID's message, reloads the animated QR code, and reloads
// the page when the login is over. Without JavaScript the page refreshes itself instead.
(function () {
  'use strict';
  var status = document.getElementById('bankid-status');
  var qr = document.getElementById('bankid-qr');
  if (!status) {
    return;
  }
  function poll() {
    fetch('/login/bankid/status', {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) { return response.json(); })
      .then(function (body) {
        if (body.state !== 'pending') {
          window.location.replace('/login/bankid/vantar');
          return;
        }
        if (status.textContent !== body.message) {
          status.textContent = body.message;
        }
        if (qr) {
          qr.src = '/login/bankid/qr.svg?t=' + Date.now();
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 1000); });
  }
  window.setTimeout(poll, 1000);
}());
