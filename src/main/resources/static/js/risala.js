// Small enhancements for the staff pages; every page also works without JavaScript.
// Kept in a file, not inline, because the Content-Security-Policy allows scripts from Risala itself only.
document.addEventListener('submit', function (event) {
    const question = event.target.dataset && event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
        event.preventDefault();
    }
});

document.addEventListener('click', function (event) {
    const button = event.target.closest('[data-copy]');
    if (!button) {
        return;
    }
    const source = document.getElementById(button.dataset.copy);
    if (!source) {
        return;
    }
    const done = function () { button.textContent = 'Copied'; };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent.trim()).then(done);
    } else {
        // plain http outside localhost has no clipboard API: select the text so Ctrl+C copies it
        window.getSelection().selectAllChildren(source);
    }
});
