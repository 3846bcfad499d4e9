// rolebot studio: the page's small amount of behaviour. Served from the package; no CDN.
"use strict";

(function () {
  const body = document.body;
  let known = body.dataset.generation;

  function tabId() {
    let tab = sessionStorage.getItem("rolebot-tab");
    if (!tab) {
      const bytes = new Uint8Array(10);
      crypto.getRandomValues(bytes);
      tab = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      sessionStorage.setItem("rolebot-tab", tab);
    }
    return tab;
  }

  async function fetchText(url, options) {
    const response = await fetch(url, Object.assign({ credentials: "same-origin" }, options));
    return { ok: response.ok, text: await response.text() };
  }

  function showLive(root) {
    const line = root.querySelector("[data-live]");
    if (line) document.getElementById("live").textContent = line.dataset.live;
  }

  // -- the chat preview --------------------------------------------------------------------
  const bench = document.querySelector(".workbench");
  const scenario = bench ? bench.dataset.scenario : null;
  const chat = document.getElementById("chat");
  const frame = document.getElementById("phone-frame");
  let locale = sessionStorage.getItem("rolebot-locale") || document.documentElement.lang;
  let selected = null;
  let issued = 0; // chat requests sent; a reply older than the one shown is dropped
  let latest = 0;
  let pending = 0;

  function markCuts() {
    if (!chat) return;
    chat.querySelectorAll(".key").forEach((key) => {
      const cut = key.scrollWidth > key.clientWidth + 1;
      key.classList.toggle("cut", cut);
      key.title = cut ? frame.dataset.cut + ": " + key.textContent.trim() : "";
    });
  }

  async function chatRequest(url, options) {
    const mine = ++issued;
    pending += 1;
    chat.dataset.pending = String(pending);
    try {
      const result = await fetchText(url, options);
      if (mine > latest) {
        latest = mine;
        showChat(result.text);
      }
    } finally {
      pending -= 1;
      chat.dataset.pending = String(pending);
    }
  }

  function showChat(html) {
    chat.innerHTML = html;
    const messages = chat.querySelector(".messages");
    if (messages && messages.dataset.locale) {
      locale = messages.dataset.locale;
      sessionStorage.setItem("rolebot-locale", locale);
    }
    document.querySelectorAll("button.lang").forEach((b) => {
      b.classList.toggle("active", b.dataset.locale === locale);
    });
    markCuts();
    chat.scrollTop = chat.scrollHeight;
    chat.dataset.ready = String(Number(chat.dataset.ready || 0) + 1);
  }

  async function loadChat() {
    const query = new URLSearchParams({ tab: tabId(), locale: locale });
    await chatRequest("/s/" + scenario + "/chat?" + query);
  }

  async function send(action, fields) {
    const form = new URLSearchParams(Object.assign({ tab: tabId(), locale: locale }, fields));
    await chatRequest("/s/" + scenario + "/chat/" + action, { method: "POST", body: form });
  }

  async function showTexts(step) {
    selected = step;
    const result = await fetchText("/s/" + scenario + "/texts?step=" + encodeURIComponent(step));
    document.getElementById("texts").innerHTML = result.text;
    document.querySelectorAll("#flow .node").forEach((n) => {
      n.classList.toggle("selected", n.dataset.step === step);
    });
  }

  async function jump(step) {
    await send("jump", { step: step });
    await showTexts(step);
  }

  if (bench) {
    chat.addEventListener("click", (event) => {
      const key = event.target.closest(".key");
      if (key) send("press", { number: key.dataset.number, data: key.dataset.data });
    });
    document.getElementById("composer").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = document.getElementById("typed");
      // Only the length leaves the browser, as only the length reaches the bot's database.
      const length = input.value.trim().length;
      input.value = "";
      if (length) send("typed", { length: length });
    });
    document.querySelectorAll("button.lang").forEach((b) => {
      b.addEventListener("click", () => send("language", { to: b.dataset.locale }));
    });
    document.getElementById("restart").addEventListener("click", () => send("restart", {}));
    document.getElementById("jump-holder").addEventListener("change", (event) => {
      if (event.target.id === "jump" && event.target.value) {
        const step = event.target.value;
        event.target.value = "";
        jump(step);
      }
    });
    document.getElementById("panel").addEventListener("click", (event) => {
      const node = event.target.closest(".node");
      if (node) jump(node.dataset.step);
    });
    const phone = document.getElementById("phone");
    phone.checked = localStorage.getItem("rolebot-phone") === "1";
    frame.classList.toggle("narrow", phone.checked);
    phone.addEventListener("change", () => {
      frame.classList.toggle("narrow", phone.checked);
      localStorage.setItem("rolebot-phone", phone.checked ? "1" : "0");
      markCuts();
    });
    loadChat();
  }

  // -- live reload -------------------------------------------------------------------------
  async function refresh() {
    const parts = Array.from(document.querySelectorAll("[data-refresh]"));
    for (const part of parts) {
      const result = await fetchText(part.dataset.refresh);
      if (!result.ok) continue;
      part.innerHTML = result.text;
      showLive(part);
    }
    if (bench) {
      const fresh = document.getElementById("jump-fresh");
      if (fresh) document.getElementById("jump-holder").innerHTML = fresh.innerHTML;
      await loadChat();
      if (selected) await showTexts(selected);
    }
    body.dataset.refreshed = known;
  }

  const events = new EventSource("/events");
  events.onmessage = (event) => {
    document.getElementById("live").classList.remove("lost");
    if (event.data !== known) {
      known = event.data;
      refresh();
    }
  };
  events.onerror = () => {
    const live = document.getElementById("live");
    live.classList.add("lost");
    live.textContent = body.dataset.lost;
  };
})();
