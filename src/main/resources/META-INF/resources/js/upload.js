// Uploads with a progress bar per file and drag and drop. Without this script the same forms
// still work: the browser posts them whole. Served from the app (CSP script-src 'self').
(function () {
  'use strict';
  if (!window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
    return;
  }

  function messageOf(html) {
    var flash = new DOMParser().parseFromString(html, 'text/html').querySelector('.flash');
    return flash ? flash.textContent.trim() : '';
  }

  function send(form, file, row) {
    return new Promise(function (resolve) {
      var data = new FormData();
      var token = form.querySelector('input[name="csrf-token"]');
      data.append(token.name, token.value);
      data.append('file', file, file.name);
      var bar = row.querySelector('progress');
      var status = row.querySelector('.upload-status');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) {
          bar.max = event.total;
          bar.value = event.loaded;
          status.textContent = Math.floor(100 * event.loaded / event.total) + '%';
        }
      });
      xhr.addEventListener('load', function () {
        bar.value = bar.max;
        status.textContent = xhr.status < 400 ? (messageOf(xhr.responseText) || 'Uploaded.')
          : 'Refused (' + xhr.status + '): ' + (messageOf(xhr.responseText) || xhr.statusText);
        resolve();
      });
      xhr.addEventListener('error', function () {
        status.textContent = 'The upload failed: check the connection and try again.';
        resolve();
      });
      xhr.send(data);
    });
  }

  function upload(form, files) {
    var list = form.querySelector('.upload-progress');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'upload-progress';
      list.setAttribute('aria-live', 'polite');
      form.appendChild(list);
    }
    var uploads = Array.prototype.map.call(files, function (file) {
      var row = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = file.name + ' ';
      var bar = document.createElement('progress');
      bar.max = 1;
      bar.value = 0;
      var status = document.createElement('span');
      status.className = 'upload-status';
      row.appendChild(name);
      row.appendChild(bar);
      row.appendChild(status);
      list.appendChild(row);
      return send(form, file, row);
    });
    Promise.all(uploads).then(function () {
      var again = document.createElement('a');
      again.href = window.location.pathname + '#' + (form.closest('li') || {}).id;
      again.textContent = 'Show the uploaded documents';
      list.appendChild(document.createElement('li')).appendChild(again);
    });
  }

  document.querySelectorAll('form.upload').forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    form.addEventListener('submit', function (event) {
      if (input.files.length === 0) {
        return;
      }
      event.preventDefault();
      upload(form, input.files);
    });
    form.addEventListener('dragover', function (event) {
      event.preventDefault();
      form.classList.add('dropping');
    });
    form.addEventListener('dragleave', function () {
      form.classList.remove('dropping');
    });
    form.addEventListener('drop', function (event) {
      event.preventDefault();
      form.classList.remove('dropping');
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        upload(form, event.dataTransfer.files);
      }
    });
  });
}());
