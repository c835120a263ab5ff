// The virtual phone: polls the handset's inbox every 2 s and sends MO messages through the simulator's JSON API.
(function () {
    const phone = document.getElementById('phone');
    const number = document.getElementById('phone-number');
    const inbox = document.getElementById('inbox');
    const form = document.getElementById('mo-form');
    const status = document.getElementById('mo-status');
    let shown = null;

    function render(messages) {
        const key = JSON.stringify(messages);
        if (key === shown) {
            return; // keep the scroll position and any selection while nothing changed
        }
        shown = key;
        inbox.replaceChildren();
        if (messages.length === 0) {
            const empty = document.createElement('li');
            empty.className = 'empty';
            empty.textContent = 'No messages yet';
            inbox.append(empty);
            return;
        }
        for (const message of messages) {
            const item = document.createElement('li');
            item.className = 'message';
            const text = document.createElement('div');
            text.className = 'text';
            text.dir = 'auto';
            text.textContent = message.text;
            const meta = document.createElement('div');
            meta.className = 'meta';
            meta.textContent = message.from + ' · ' + new Date(message.receivedAt).toLocaleString() + ' · '
                + message.encoding + (message.parts > 1 ? ' · ' + message.parts + ' parts' : '');
            item.append(text, meta);
            inbox.append(item);
        }
        inbox.scrollTop = inbox.scrollHeight;
    }

    async function refresh() {
        const to = number.value.trim();
        if (!to) {
            return;
        }
        try {
            const response = await fetch(phone.dataset.messagesUrl + '?to=' + encodeURIComponent(to),
                {headers: {'Accept': 'application/json'}});
            if (response.ok) {
                render(await response.json());
            }
        } catch (e) {
            // the simulator may be restarting; the next poll tries again
        }
    }

    form.addEventListener('submit', async function (event) {
        event.preventDefault();
        status.className = '';
        status.textContent = 'Sending…';
        const body = {
            from: number.value.trim(),
            to: document.getElementById('mo-to').value.trim(),
            text: document.getElementById('mo-text').value
        };
        const response = await fetch(phone.dataset.moUrl, {
            method: 'POST',
            headers: {'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json'},
            body: JSON.stringify(body)
        });
        const result = await response.json().catch(() => ({}));
        if (response.ok) {
            status.textContent = 'Sent (' + result.parts + (result.parts === 1 ? ' part)' : ' parts)');
            document.getElementById('mo-text').value = '';
        } else {
            status.className = 'error';
            status.textContent = result.detail || ('Failed: HTTP ' + response.status);
        }
    });

    number.addEventListener('change', function () {
        shown = null;
        refresh();
    });
    refresh();
    setInterval(refresh, 2000);
})();
