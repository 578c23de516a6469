/*
 * Hearth support chat: the loader a shop puts on its pages.
 *   <script src="https://hearth.example.com/support/widget.js" data-key="WRITE_KEY" async></script>
 * For a signed-in customer the shop's backend adds data-customer-token="<HS256 JWT under the widget secret>",
 * so the chat can answer about her own orders.
 * It adds a launcher button and opens the chat in an iframe served by Hearth, so the chat's API calls
 * stay on Hearth's own origin (no CORS) and the shop's page never sees the conversation.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || document.getElementById("hearth-chat-launcher")) {
    return;
  }
  var origin = new URL(script.src, document.baseURI).origin;
  var key = script.getAttribute("data-key") || "";
  var label = script.getAttribute("data-label") || "Chat with us";
  var title = script.getAttribute("data-title") || "Support";
  var token = script.getAttribute("data-customer-token") || "";

  var frame = document.createElement("iframe");
  frame.id = "hearth-chat-frame";
  frame.title = title;
  // the key and token travel in the fragment, which the browser never sends to a server or a referrer
  frame.src = origin + "/support/widget.html#key=" + encodeURIComponent(key) + "&title=" + encodeURIComponent(title) +
    (token ? "&token=" + encodeURIComponent(token) : "");
  frame.style.cssText =
    "position:fixed;bottom:84px;right:20px;width:360px;height:520px;max-height:calc(100vh - 104px);" +
    "border:1px solid #d0d4dc;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.18);" +
    "background:#fff;z-index:2147483000;display:none";

  var launcher = document.createElement("button");
  launcher.id = "hearth-chat-launcher";
  launcher.type = "button";
  launcher.textContent = label;
  launcher.setAttribute("aria-expanded", "false");
  launcher.style.cssText =
    "position:fixed;bottom:20px;right:20px;padding:12px 18px;border:0;border-radius:24px;" +
    "background:#1f4b99;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;z-index:2147483000";
  launcher.addEventListener("click", function () {
    var open = frame.style.display === "none";
    frame.style.display = open ? "block" : "none";
    launcher.setAttribute("aria-expanded", String(open));
  });

  function mount() {
    document.body.appendChild(frame);
    document.body.appendChild(launcher);
  }
  if (document.body) {
    mount();
  } else {
    document.addEventListener("DOMContentLoaded", mount);
  }
})();
