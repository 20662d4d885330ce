// The agreement form's "Use selection": select a clause's words in the document's pages beside the
// form, press the button in the clause's row, and the row gets the quote, its page and its
// document. Without this script the buttons stay hidden and the quote and page are typed by hand.
// Served from the app (CSP script-src 'self').
(function () {
  'use strict';
  var panel = document.querySelector('.quote-panel[data-document]');
  if (!panel || !window.getSelection) {
    return;
  }
  var documentId = panel.getAttribute('data-document');
  var last = null;

  function pageOf(node) {
    var element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    var page = element && element.closest('[data-page]');
    return page && panel.contains(page) ? page : null;
  }

  // The selection inside the panel: its text and its page, or why it cannot be used.
  function picked() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      return null;
    }
    var range = selection.getRangeAt(0);
    var start = pageOf(range.startContainer);
    var end = pageOf(range.endContainer);
    if (!start && !end) {
      return null;
    }
    if (start !== end) {
      return { problem: 'Select words from one page at a time.' };
    }
    var text = selection.toString().trim();
    return text ? { text: text, page: start.getAttribute('data-page') } : null;
  }

  // Pressing the button can clear the selection in some browsers: keep the last one made in the panel.
  document.addEventListener('selectionchange', function () {
    var now = picked();
    if (now) {
      last = now;
    }
  });

  function field(row, part) {
    return row.querySelector('[name$=".' + part + '"]');
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-clause]'), function (row) {
    var picker = row.querySelector('.picker');
    var button = row.querySelector('.use-selection');
    var message = row.querySelector('.picker-message');
    if (!picker || !button) {
      return;
    }
    picker.hidden = false;
    button.addEventListener('click', function () {
      var choice = picked() || last;
      if (!choice) {
        message.textContent = 'First select the words in the document\'s pages.';
        return;
      }
      if (choice.problem) {
        message.textContent = choice.problem;
        return;
      }
      field(row, 'quote').value = choice.text;
      field(row, 'page').value = choice.page;
      field(row, 'document').value = documentId;
      var state = field(row, 'state');
      if (state && state.value === '') {
        state.value = 'present';
      }
      message.textContent = 'Quoted from page ' + choice.page + '.';
      last = null;
    });
  });
})();
