/**
 * `email`: the newsletter as an HTML email: a fluid-hybrid table layout (600 px
 * at most, the screen's width on a phone, fixed 600 px for Outlook), every style
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
  description: 'the newsletter as an HTML email (fluid tables up to 600 px, inlined CSS, preheader; pairs with txt)',
  build: (ctx) => inlineCss(emailLayout(mailContent(ctx))),
};
