'use strict';
/**
 * Example plugin (docs/extending.md): a stand-in Transcriber. A real one would send the audio
 * file to a speech-to-text service; this one only reads how long the audio is and says so, one
 * phrase per started two seconds ("0 to 2 seconds", "2 to 4 seconds", ...), so its output is
 * predictable for tests and demos. It checks that it was given a readable, non-empty file.
 * Load it with CLIENTFLOWS_PLUGINS=examples/plugins/duration-transcriber.js.
 */
const { stat } = require('node:fs/promises');

const PHRASE_SECONDS = 2;

module.exports = {
  name: 'duration-transcriber',
  setup({ transcriber, log }) {
    transcriber.register({
      name: 'duration',
      async transcribe({ path, contentType, durationSeconds, signal }) {
        signal.throwIfAborted();
        const { size } = await stat(path);
        if (size === 0) throw new Error('the audio file is empty');
        const phrases = [];
        for (let start = 0; start < durationSeconds; start += PHRASE_SECONDS) {
          const end = Math.min(start + PHRASE_SECONDS, durationSeconds);
          phrases.push({ startsAt: start, endsAt: end, phrase: `${start} to ${Number(end.toFixed(3))} seconds` });
        }
        log.info({ phrases: phrases.length, contentType }, 'transcribed');
        return { source: { type: 'example', model: 'duration', version: '1', content_type: contentType }, phrases };
      },
    });
  },
};
