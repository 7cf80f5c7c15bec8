/**
 * `email`: the newsletter as an HTML email: 600 px table layout, every style
 * inlined, a hidden preheader, absolute links only, no script, form or
 * external CSS. The same content as `txt`, its text/plain partner.
 *
 * It carries the content-hash meta tag like the page does: an edited email
 * is kept on the next render unless --force, and the tag is invisible in
 * every mail client.
 */
import type { FormatWriter } from './context.js';
import { mailContent } from './email/content.js';
import { emailLayout } from './email/layout.js';
import { inlineCss } from './email/inline-css.js';

export const emailFormat: FormatWriter = {
  ext: 'email.html',
  description: 'the newsletter as an HTML email (600 px tables, inlined CSS, preheader; pairs with txt)',
  build: (ctx) => inlineCss(emailLayout(mailContent(ctx))),
};
