/* The chat inside the widget's iframe: talks to /v1/support/conversations with the shop's write key. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.hash.slice(1));
  var auth = "Basic " + btoa(params.get("key") + ":");
  var token = params.get("token");
  var stored = "hearth-support-conversation";
  var list = document.getElementById("messages");
  var text = document.getElementById("text");
  var rating = document.getElementById("rating");
  var shown = {};
  var conversation = sessionStorage.getItem(stored);
  var polling = null;
  if (params.get("title")) {
    document.getElementById("title").textContent = params.get("title");
  }

  function api(method, path, body) {
    var headers = { "Authorization": auth, "Content-Type": "application/json" };
    if (token) {
      headers["Hearth-Customer-Token"] = token;
    }
    return fetch(path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          throw json;
        }
        return json;
      });
    });
  }

  function show(message) {
    if (shown[message.messageId]) {
      return;
    }
    shown[message.messageId] = true;
    var item = document.createElement("li");
    item.className = "message " + message.author.toLowerCase();
    item.textContent = message.text;
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
  }

  function showError(text) {
    notice(text, "message error");
  }

  function notice(text, className) {
    var item = document.createElement("li");
    item.className = className;
    item.textContent = text;
    list.appendChild(item);
  }

  function render(view) {
    view.messages.forEach(show);
    rating.hidden = !(view.messages.length > 1 && view.state !== "RESOLVED" && view.csat == null);
    // an agent answers in their own time: look for their replies while they have the conversation
    if (view.state === "ESCALATED" && polling === null) {
      polling = setInterval(refresh, 2000);
    } else if (view.state !== "ESCALATED" && polling !== null) {
      clearInterval(polling);
      polling = null;
    }
    if (view.state === "RESOLVED") {
      sessionStorage.removeItem(stored);
      conversation = null;
    }
  }

  // A conversation of another customer (someone else signed in on this tab, or she signed out) is not
  // ours to continue: forget it and start a new one.
  function forgetIfNotOurs(problem) {
    if (problem && problem.code === "support.invalid-customer-token" && conversation) {
      sessionStorage.removeItem(stored);
      conversation = null;
      return true;
    }
    return false;
  }

  function refresh() {
    if (conversation) {
      api("GET", "/v1/support/conversations/" + conversation).then(render, forgetIfNotOurs);
    }
  }

  function started() {
    if (conversation) {
      return Promise.resolve(conversation);
    }
    return api("POST", "/v1/support/conversations", { channel: "chat" }).then(function (view) {
      conversation = view.conversationId;
      sessionStorage.setItem(stored, conversation);
      return conversation;
    });
  }

  document.getElementById("composer").addEventListener("submit", function (event) {
    event.preventDefault();
    var body = text.value.trim();
    if (!body) {
      return;
    }
    text.value = "";
    function send() {
      return started().then(function (id) {
        return api("POST", "/v1/support/conversations/" + id + "/messages", { text: body });
      });
    }
    send()
      .catch(function (problem) {
        if (forgetIfNotOurs(problem)) {
          return send();
        }
        throw problem;
      })
      .then(function (reply) {
        render(reply.conversation);
      })
      .catch(function (problem) {
        showError((problem && problem.detail) || "The message could not be sent. Please try again.");
      });
  });

  text.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      document.getElementById("composer").requestSubmit();
    }
  });

  rating.addEventListener("click", function (event) {
    var score = event.target.getAttribute("data-score");
    if (score && conversation) {
      api("POST", "/v1/support/conversations/" + conversation + "/csat", { score: Number(score) }).then(function (view) {
        rating.hidden = true;
        notice("Thank you for your rating.", "message notice");
        render(view);
      });
    }
  });

  refresh();
})();
