'use strict';
/**
 * Example plugin (docs/extending.md): courses stored in the app team's own `courses` table
 * (uid text primary key, title text, description text). It teaches clientflows
 *  - to realize a screen field `{type: string, format: course_uid}` into the public course object;
 *  - to `extract` from a `course_uid` server parameter at trigger time (e.g. the title);
 *  - to serve `POST /api/1/users/me/screens/pop_to_course`, a custom pop whose trigger gets the
 *    verified course as server parameter `course`, recording the start in `course_starts`
 *    (user_sub text, course_uid text, started_at double precision).
 * Load it with CLIENTFLOWS_PLUGINS=examples/plugins/course-catalog.js.
 */
const COURSE_SCHEMA = {
  type: 'object',
  example: { uid: 'crs_intro', title: 'Introduction', description: 'Where to start.' },
  required: ['uid', 'title', 'description'],
  properties: {
    uid: { type: 'string', example: 'crs_intro' },
    title: { type: 'string', example: 'Introduction' },
    description: { type: 'string', example: 'Where to start.' },
  },
};

module.exports = {
  name: 'course-catalog',
  setup({ formats, customPops, query }) {
    const loadWith = (run) => async (uid) => {
      const rows = await run('SELECT uid, title, description FROM courses WHERE uid = ?', [uid]);
      return rows[0] ?? null;
    };
    const load = loadWith(query);
    // Trigger time: `extract` and `{server[course][title]}` placeholders read the loaded object.
    formats.registerExtractor({ format: 'course_uid', objectSchema: COURSE_SCHEMA, load });
    // Peek time: the uid becomes the course object; null (a deleted course) fails a required field.
    formats.registerResourceFormat({
      format: 'course_uid',
      // The peek's own connection: a second pooled one per peek can exhaust the pool.
      async convert(context, uid) {
        return loadWith(context.query)(uid);
      },
    });
    // A pop that opens a course: the client names the course, the server checks it exists.
    customPops.register({
      name: 'pop_to_course',
      parseParameters(raw) {
        const ok = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && typeof raw.course === 'string';
        return ok ? { ok: true, value: { course: raw.course } } : { ok: false, message: 'parameters must be {"course": string}' };
      },
      async verify(_context, { course }) {
        return (await load(course)) === null
          ? { ok: false, fallbackFlow: 'not_found' }
          : { ok: true, serverParameters: { course } };
      },
      // Same transaction as the pop, and only when the pop applied (not on a desync).
      async onPopped({ user, query: inTransaction, now }, { course }) {
        await inTransaction('INSERT INTO course_starts (user_sub, course_uid, started_at) VALUES (?, ?, ?)', [user.sub, course, now]);
      },
    });
  },
};
