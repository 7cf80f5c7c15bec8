# Prints the "## The five styles" README section (up to, not including, the next
# "## " heading) from the golden fixtures, so the
# excerpts in the README are real output. Run: python3 scripts/readme-excerpts.py
import re

CASES = [
    ('bulletin', '000-bulletin-long-flush', '000, a news-feed post', [0, 2]),
    ('recap', '001-recap-all-time-high', '001, a market recap', [0, 1]),
    ('tldr', '002-tldr-eth-led', '002, a structured explainer', 'tldr'),
    ('analysis', '003-analysis-weekly-flush', '003, long-form analysis', [0]),
    ('explainer', '004-explainer-fear', '004, a sentiment piece with FAQs', 'faq'),
]
DESC = {
    'bulletin': 'Verdict headline with the rounded total; lead; attribution with traders and the side split; 🔹 one bullet per leading coin and one for the rest; how the cascade works on the named venues; "what drove it" with 🔸 drivers taken from the data or the catalysts; a closing line; hashtags and cashtags.',
    'recap': 'Headline with total, window and price story; an italic dek; short paragraphs opened by bold lead-ins (pace per hour, the side that paid, who profited, a twist); the biggest loss and the largest order; the price path; traders and "the lion\'s share"; catalysts; a level to watch; "Also Read".',
    'tldr': 'Headline with the rounded total, the two leading coins and a question; a table of contents; exactly three TL;DR bullets; the numbers; a section on the trigger (a named zone, a catalyst or the price move); summary and outlook; related posts.',
    'analysis': 'Long form without lists (800+ words when the data allows): opening, mechanics, the price path, magnitude, context from the catalysts only (otherwise positioning and sentiment), levels, cascade, liquidity, implications, spillover, the record comparison, what to watch, summary.',
    'explainer': 'Headline with the total and the sentiment; a lead on sentiment following the cascade; "Final Thoughts"; FAQs: two evergreen questions (rotated among six) plus data questions that appear only when their data exists (the two largest coins, the leading coin, the side hit harder, the busiest venue, the price range, open interest and funding, traders, the largest order); a disclaimer and a generated-from-data line naming the source.',
}

out = ['## The five styles', '',
       'Each style follows the structure, section names and rhythm of one of the five',
       'seed reports; every sentence is our own and every figure comes from the',
       'snapshot. The excerpts are real output for the bundled golden fixtures',
       '(`fixtures/golden/<case>/expected/article.md`), shortened: the headline,',
       'which the file keeps as the front matter\'s `title`, is shown as a `#`',
       'heading, and some blocks are left out (`…` marks a cut inside a section).', '']
for style, case, seed, which in CASES:
    md = open(f'fixtures/golden/{case}/expected/article.md', encoding='utf8').read()
    title = re.search(r'^title: "(.*)"$', md, re.M).group(1)
    body = md.split('\n---\n', 1)[1]
    blocks = [b for b in body.split('\n\n') if b.strip()]
    if which == 'tldr':
        i = next(k for k, b in enumerate(blocks) if b.startswith('## TL;DR'))
        picked = blocks[i:i + 2]
    elif which == 'faq':
        i = next(k for k, b in enumerate(blocks) if b.startswith('## FAQs'))
        picked = blocks[i:i + 3]
    else:
        picked = [blocks[k] for k in which]
    out += [f'### `{style}` (seed {seed})', '', DESC[style], '', '```markdown', f'# {title}', '', '\n\n'.join(picked), '…', '```', '']
print('\n'.join(out))
