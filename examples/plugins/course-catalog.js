'use strict';
/**
 * Example plugin (docs/extending.md): courses stored in the app team's own `courses` table
 * (uid text primary key, title text, description text). It teaches clientflows
 *  - to realize a screen field `{type: string, format: course_uid}` into the public course object;
 *  - to `extract` from a `course_uid` server parameter at trigger time (e.g. the title).
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
  setup({ formats, query }) {
    const load = async (uid) => {
      const rows = await query('SELECT uid, title, description FROM courses WHERE uid = ?', [uid]);
      return rows[0] ?? null;
    };
    // Trigger time: `extract` and `{server[course][title]}` placeholders read the loaded object.
    formats.registerExtractor({ format: 'course_uid', objectSchema: COURSE_SCHEMA, load });
    // Peek time: the uid becomes the course object; null (a deleted course) fails a required field.
    formats.registerResourceFormat({
      format: 'course_uid',
      async convert(_context, uid) {
        return load(uid);
      },
    });
  },
};
