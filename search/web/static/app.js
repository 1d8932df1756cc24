// Progressive enhancement only: every page works without this file.
// A copy button copies the text of the element named by data-copy.
"use strict";

function selectText(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

async function copyText(element) {
  const text = element.textContent.trim();
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // denied: fall through to the selection
    }
  }
  selectText(element);
  try {
    return document.execCommand("copy");
  } catch (error) {
    return false;
  }
}

for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.status);
  if (!source) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    const copied = await copyText(source);
    if (status) {
      status.textContent = copied ? "Copied" : "Selected: press Ctrl+C to copy";
    }
  });
}
