/* RemitCompare widget: <remit-compare from="KEN" to="UGA" amount="10000" currency="KES" lang="sw"></remit-compare> */
(() => {
  "use strict";
  const L = /*STRINGS*/{};
  const U = /*UNITS*/{}; // currency -> ISO 4217 minor units, for the currencies served
  const script = document.currentScript;
  const ORIGIN = script && script.src ? new URL(script.src).origin : location.origin;
  const CSS = `:host{display:block;font-family:var(--rc-font,system-ui,sans-serif);color:var(--rc-fg,#1a1a1a);background:var(--rc-bg,#fff);
border:1px solid var(--rc-border,#767676);border-radius:var(--rc-radius,.4rem);padding:.6rem;line-height:1.4;max-width:100%}
h2{font-size:1.05em;margin:0 0 .2em}p{margin:.2em 0}ol{list-style:none;margin:0;padding:0}
li.o{border-top:1px solid var(--rc-border,#767676);padding:.4em 0}li.o.x{border-top-style:dashed}
.p{font-weight:700}.g{font-size:1.1em;font-weight:700;color:var(--rc-accent,#0a5c2e)}
dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(8em,1fr));gap:.1em .6em;margin:.2em 0}
dt{font-size:.8em;color:var(--rc-muted,#4a4a4a)}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.b{display:inline-block;background:var(--rc-warn,#5c3b00);color:#fff;border-radius:.2em;padding:0 .3em;font-size:.85em}
.f{margin:.2em 0 0;padding-inline-start:1.1em;color:var(--rc-warn,#5c3b00);font-size:.9em}
ul.e{margin:.2em 0;padding-inline-start:1.1em}.s,.a{font-size:.8em;color:var(--rc-muted,#4a4a4a)}a{color:var(--rc-link,#0b4f8a)}.e{font-weight:600}`;

  const pick = lang => L[lang] || L[(lang || "").split("-")[0]] || L.en;
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const fill = (text, ...args) => text.replace(/\{(\d)\}/g, (_, i) => args[+i]);
  // A refusal in the reader's language, filled as the server fills it: {0}, {0:N0}, {0*} (the rest, joined by "or"), {0:country}.
  const reason = (t, r) => {
    const text = t.s["error." + r.code], v = r.values || [];
    return text == null ? null : text.replace(/\{(\d)(:N0|:country|\*)?\}/g, (_, i, form) => {
      const x = v[+i];
      if (x == null) return "";
      if (form === ":N0" && isFinite(x)) return new Intl.NumberFormat(t.culture, { maximumFractionDigits: 0 }).format(+x);
      if (form === ":country") return t.countries[x] || x;
      return form === "*" ? v.slice(+i).join(` ${t.s.list_or} `) : x;
    });
  };

  class RemitCompare extends HTMLElement {
    static get observedAttributes() { return ["from", "to", "amount", "receive", "currency", "lang", "api"]; }

    constructor() {
      super();
      this.root = this.attachShadow({ mode: "open" });
      if (this.root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        this.root.adoptedStyleSheets = [sheet];
      } else {
        this.root.append(el("style", null, CSS));
      }
      this.body = el("div");
      this.body.setAttribute("aria-live", "polite");
      this.root.append(this.body);
    }

    connectedCallback() { this.load(); }

    attributeChangedCallback() { if (this.isConnected) this.load(); }

    get lang() { return this.getAttribute("lang") || document.documentElement.lang || "en"; }

    query() {
      const q = new URLSearchParams();
      for (const name of ["from", "to", "amount", "receive", "currency"]) {
        const v = this.getAttribute(name);
        if (v) q.set(name === "currency" && this.getAttribute("receive") ? "receiveCurrency" : name, v);
      }
      return q;
    }

    async load() {
      const t = pick(this.lang);
      this.body.dir = t.dir;
      this.body.replaceChildren(el("p", "s", t.s.widget_loading));
      const api = (this.getAttribute("api") || ORIGIN).replace(/\/$/, "");
      const seq = (this.seq = (this.seq || 0) + 1);
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), 15000);
      let data = null, problem = null;
      try {
        const r = await fetch(`${api}/v1/compare?${this.query()}`, { signal: abort.signal, credentials: "omit" });
        if (r.ok) data = await r.json();
        else if ((r.headers.get("content-type") || "").includes("json")) problem = await r.json();
      } catch (_) { /* unreachable API: said below, never a blank box */ }
      clearTimeout(timer);
      if (seq !== this.seq) return;
      this.body.replaceChildren(...(data ? this.offers(t, data) : this.down(t, problem)));
    }

    down(t, problem) {
      const s = t.s, label = { from: s.from, to: s.to, amount: s.amount, receive: s.amount, currency: s.currency, receiveCurrency: s.currency };
      const said = (problem && problem.reasons || []).map(r => [label[r.parameter] || r.parameter, reason(t, r)]);
      let shown;
      if (said.length && said.every(([, text]) => text != null)) {
        shown = el("ul", "e");
        for (const [field, text] of said) shown.append(el("li", null, `${field}: ${text}`));
      } else shown = el("p", "e", problem && problem.detail ? problem.detail : s.widget_unavailable);
      return [shown, this.link(t, null)];
    }

    fmt(t) {
      const loc = t.culture; // Latin digits, as the server writes them: the culture ends in -u-nu-latn
      // Money as the page writes it: all the currency's minor units (10,000.00 KES), grouped even in 4 digits (es 1.800,00).
      const num = d => new Intl.NumberFormat(loc, { minimumFractionDigits: d ?? 0, maximumFractionDigits: d ?? 3, roundingMode: "halfEven", useGrouping: "always" });
      return {
        money: m => m ? `${num(U[m.currency]).format(`${m.amount}`)}\u00a0${m.currency}` : t.s.unknown,
        // The API's 2-decimal figure as a decimal string (not p / 100, a binary fraction), rounded half-to-even as the page does.
        pct: p => new Intl.NumberFormat(loc, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1, roundingMode: "halfEven" }).format(`${p}e-2`),
        rate: r => new Intl.NumberFormat(loc, { maximumSignificantDigits: 6 }).format(r),
        date: d => new Intl.DateTimeFormat(loc, { dateStyle: "long", timeZone: "UTC" }).format(new Date(d)),
        day: d => new Intl.DateTimeFormat(loc, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(d)),
      };
    }

    offers(t, data) {
      const f = this.fmt(t), s = t.s, req = data.request;
      const c = data.corridor;
      const name = code => t.countries[code] || code;
      const head = fill(s[req.mode === "send" ? "results_send" : "results_receive"], f.money(req.amount), name(c.from), name(c.to));
      const list = el("ol");
      for (const o of data.offers) list.append(this.offer(t, f, o));
      if (!data.offers.length) list.append(el("li", null, s.no_offers));
      const newest = data.offers.reduce((m, o) => (o.collectedAt > m ? o.collectedAt : m), "");
      return [el("h2", null, head), el("p", "s", s[req.mode === "send" ? "ranked_send" : "ranked_receive"]), list, this.link(t, newest && f.date(newest))];
    }

    offer(t, f, o) {
      const s = t.s;
      const li = el("li", o.transparent ? "o" : "o x");
      li.append(el("div", "p", `${o.rank}. ${o.provider}`));
      if (!o.transparent) li.append(el("span", "b", s.not_transparent));
      const dl = el("dl");
      const pair = (term, value, cls) => {
        const d = el("div");
        d.append(el("dt", null, term), el("dd", cls, value));
        dl.append(d);
      };
      pair(s.recipient_gets, f.money(o.recipientGets), "g");
      pair(s.you_pay, f.money(o.senderPays));
      pair(s.fee, f.money(o.fee));
      pair(s.rate, o.rate == null ? s.rate_hidden
        : o.midMarketRate == null || o.fxMarginPct == null ? f.rate(o.rate)
        : fill(s.rate_vs_mid, f.rate(o.rate), f.rate(o.midMarketRate), f.pct(o.fxMarginPct)));
      pair(s.total_cost, o.totalCost && o.totalCostPct != null ? `${f.money(o.totalCost)} (${f.pct(o.totalCostPct)})` : s.unknown);
      pair(s.speed, o.speed ? s["speed_" + o.speed] : s.unknown);
      pair(s.payout, s["payout_" + o.payoutMethod]);
      pair(s.collected, f.day(o.collectedAt));
      li.append(dl);
      if (o.flags.length) {
        const ul = el("ul", "f");
        for (const flag of o.flags) ul.append(el("li", null, fill(s["flag_" + flag] || flag, f.pct(o.fxMarginPct || 0))));
        li.append(ul);
      }
      return li;
    }

    link(t, collected) {
      const a = el("a", null, collected ? fill(t.s.attribution, collected) : "RemitCompare");
      const q = this.query();
      if (this.getAttribute("receive")) { q.set("amount", q.get("receive")); q.delete("receive"); q.set("mode", "receive"); }
      if (q.has("receiveCurrency")) { q.set("currency", q.get("receiveCurrency")); q.delete("receiveCurrency"); }
      q.set("lang", t.code);
      a.href = `${ORIGIN}/compare?${q}`;
      a.target = "_blank";
      a.rel = "noopener";
      const p = el("p", "a");
      p.append(a);
      return p;
    }
  }

  if (!customElements.get("remit-compare")) customElements.define("remit-compare", RemitCompare);
})();
