import { describe, expect, it } from 'vitest';
import { claimsIn, ruleFor, shippedMatcher } from '../../helpers/rules';

describe('matcher: finding claims in real page text', () => {
  it.each([
    ['Melts stubborn belly fat in days', 'Melts stubborn belly fat'],
    ['MELTED MY LOVE HANDLES 😍', 'MELTED MY LOVE HANDLES'],
    ['it’s burning the fat off my hips', 'burning the fat off my hips'],
    ['Zaps\u00a0thigh\u00a0fat', 'Zaps\u00a0thigh\u00a0fat'],
    ['Bur\u00adns bel\u00adly fat', 'Bur\u00adns bel\u00adly fat'],
    ['Melts\nstubborn\r\nbelly fat', 'Melts\nstubborn\r\nbelly fat'],
    ['helps you loose stomache fat', 'loose stomache fat'],
    ['targetting the fat on your thighs', 'targetting the fat on your thighs'],
    ['Dissolves cellulite fat on thighs & bum', 'Dissolves cellulite fat on thighs & bum'],
    ['burns belly–fat while you sleep', 'burns belly–fat'],
  ])('finds the claim in %j', (text, claim) => {
    expect(claimsIn(text)).toEqual([claim]);
  });

  it('finds a claim whose words are split by a hard break only when the break is not a sentence end', () => {
    expect(claimsIn('Melts belly fat\u2029Free shipping')).toEqual(['Melts belly fat']);
    expect(claimsIn('Melts\u2029belly fat')).toEqual([]);
  });

  it('reports UTF-16 offsets into the text it was given, after emoji and styled letters', () => {
    const text = '🔥🔥 𝗡𝗘𝗪 — zaps hip fat ✨';
    const [match] = shippedMatcher().match(text);
    expect(match).toBeDefined();
    expect(text.slice(match?.start, match?.end)).toBe('zaps hip fat');
    expect(match?.text).toBe('zaps hip fat');
  });

  it('reads a question that asserts the claim after its "when" as the claim', () => {
    expect(claimsIn('Why diet when this patch burns the fat on your belly for you?')).toEqual([
      'burns the fat on your belly',
    ]);
    expect(claimsIn('Who needs crunches when our belt melts belly fat while you sit?')).toEqual(['melts belly fat']);
    // the claim before the "when" is still asked about, not made
    expect(claimsIn('Why do people think crunches burn belly fat when they do not?')).toEqual([]);
  });

  it('finds several claims in one block, each once', () => {
    const found = claimsIn('Melts belly fat. Also torches thigh fat! And arm flab vanished for my sister.');
    expect(found).toEqual(['Melts belly fat', 'torches thigh fat', 'arm flab vanished']);
  });
});

describe('matcher: what must not be flagged', () => {
  it.each([
    ['No, belly-burning wraps don’t burn belly fat.', 'negated'],
    ['This wrap won’t melt love handles.', 'negated'],
    ['Spot reduction is a myth; train your whole body.', 'debunk'],
    ['Can a cream melt thigh fat?', 'question'],
    ['The ad claims it melts belly fat overnight.', 'mention'],
    ['Marketers love to say their wraps melt belly fat.', 'mention'],
    ['Sellers say this belt melts belly fat, but the FTC disagrees.', 'mention'],
    ["The article quotes an ad that says 'melts belly fat in days'.", 'mention'],
    ['Lose belly fat the slow way: a calorie deficit and patience.', 'truthful'],
    ['Belly fat melts last for many men.', 'truthful'],
    ['Fat on the hips disappears more slowly in women.', 'truthful'],
    ['Your love handles shrink when your body fat drops, not when you do side bends.', 'truthful'],
    ['Arm fat goes away with time as you get leaner.', 'truthful'],
    ['Belly fat melts away only when you use more energy than you eat.', 'truthful'],
    ['Melt the pork belly fat slowly in a pan.', 'off-topic'],
  ])('dismisses %j (%s)', (text, reason) => {
    const { matches, dismissed } = shippedMatcher().explain(text);
    expect(matches).toEqual([]);
    expect(dismissed.map((d) => d.reason)).toContain(reason);
  });

  it.each([
    'Crunches strengthen your abs and build a stable core.',
    'Squats build strong glutes and thighs.',
    'A calorie deficit lowers body fat everywhere over time.',
    'Slim-fit jeans, stretch denim.',
    'Burn cream for minor kitchen burns.',
    'Full-fat yogurt, 500 g.',
    'Sweat-wicking leggings with pockets.',
    'Stay in the fat-burning heart-rate zone.',
    'Belly button ring in surgical steel.',
    'Waist trainer: shapes your figure while you wear it.',
  ])('leaves %j alone', (text) => {
    expect(claimsIn(text)).toEqual([]);
  });

  it('sees past words that only look negative', () => {
    expect(claimsIn('No diet, no gym – just melt away that muffin top!')).toEqual(['melt away that muffin top']);
    expect(claimsIn('It doesn’t just tone – it burns belly fat too.')).toEqual(['burns belly fat']);
    expect(claimsIn('Not a scam! Melted my belly fat in a week')).toEqual(['Melted my belly fat']);
  });

  it('tells the order fat goes in from a date', () => {
    expect(claimsIn('My belly fat melted last week with this wrap!')).toEqual(['belly fat melted']);
  });

  it('does not take a selling point for the honest route', () => {
    // "Eat less" is the honest route; "no need to eat less" sells the product. Masking blanks
    // "no need to", so the honest route is read unmasked.
    expect(claimsIn('Lose belly fat fast with this tea, no need to eat less!')).toEqual(['Lose belly fat']);
    expect(claimsIn('Burn belly fat with this belt – you don’t have to eat less.')).toEqual(['Burn belly fat']);
    expect(claimsIn('He lost belly fat by eating less and walking more.')).toEqual([]);
  });
});

describe('matcher: which rule explains a claim', () => {
  it('names the product near a claim, nearest first', () => {
    expect(ruleFor('This caffeine serum melts belly fat.')).toBe('cream-melts-local-fat');
    expect(ruleFor('EMS Body Slimming Belt - Burn Waist Fat Passively')).toBe('ems-burns-belly-fat');
    expect(ruleFor('Sweat belt review: it burned my belly fat.')).toBe('sweat-wrap-melts-fat');
    expect(ruleFor('Burns belly fat fast.')).toBe('local-fat-loss');
  });

  it('does not take a body part inside the claim for the product ("bra bulge" is not a bra)', () => {
    expect(ruleFor('This fat-burner tea melts back fat and bra bulge.')).toBe('pill-targets-area-fat');
    // "bra bulge", "bra fat" and "bra-line" name a part of the body, never a garment
    expect(ruleFor('Melts back fat and bra bulge.')).toBe('local-fat-loss');
    expect(ruleFor('This sports bra melts back fat.')).toBe('sauna-garment-burns-fat');
    // a routine named beside the claim says it is about training the area
    expect(ruleFor('Banish bra fat with this ten-minute toning routine.')).toBe('toning-slims-that-area');
    expect(ruleFor('Get rid of bra fat with this 5-minute back routine.')).toBe('toning-slims-that-area');
  });

  it('names the product rather than the activity it is worn or used for', () => {
    expect(ruleFor('Slip on the sauna vest before your jog and sweat the belly fat away.')).toBe(
      'sauna-garment-burns-fat',
    );
    expect(ruleFor('Strap on this thermal belt before your run and watch the spare tyre shrink.')).toBe(
      'sweat-wrap-melts-fat',
    );
    // with no product named, the activity explains the claim
    expect(ruleFor('Go for a jog and watch the spare tyre shrink.')).toBe('running-targets-buttocks-fat');
  });

  it('takes a product named for what it does as that: a crunch or vibration machine, frozen gel pads', () => {
    // "crunch machine" and "vibration machine" are cues of their own; read as "crunch" or
    // "vibration" and then "machine", the device rule's "machine" won.
    expect(ruleFor('The crunch machine burns belly fat.')).toBe('crunches-burn-belly-fat');
    expect(ruleFor('Spot-reduce your love handles with the oblique twister machine.')).toBe('crunches-burn-belly-fat');
    expect(ruleFor('This vibration machine melts belly fat.')).toBe('vibration-shakes-off-fat');
    expect(ruleFor('Spot-reduce your love handles with the machine.')).toBe('home-device-removes-fat');
    // gel pads that are frozen are a cold device, not a gel rubbed in
    expect(ruleFor('Fat freezing kit: gel pads that freeze and eliminate stubborn fat on your tummy.')).toBe(
      'home-device-removes-fat',
    );
    expect(ruleFor('This gel melts belly fat.')).toBe('cream-melts-local-fat');
  });

  it('uses the page context (title, heading) when the block names no product', () => {
    const [withContext] = shippedMatcher().match('Burns belly fat fast.', { context: 'Vibrating Massager Belt' });
    expect(withContext?.rule).toBe('vibration-shakes-off-fat');
  });

  it('flags a device or cream that promises a smaller middle, not one that firms it or a colour name', () => {
    expect(claimsIn('Ab toning belt: get a flat tummy without exercise.')).toEqual(['toning belt: get a flat tummy']);
    expect(claimsIn('Our slimming gel tightens and slims flabby upper arms.')).toEqual(['slims flabby upper arms']);
    expect(claimsIn('The EMS belt firms and tones your tummy muscles.')).toEqual([]);
    expect(claimsIn('Electric blue shapewear bodysuit that slims your waist instantly.')).toEqual([]);
    expect(claimsIn('Slim-fit joggers with an elastic waist, in electric green.')).toEqual([]);
  });

  it('reads shop-title and review phrasing: a lost muffin top, fat drawn out, fat burned overnight by a patch', () => {
    expect(claimsIn('Been wearing it 2 weeks and my muffin top is literally gone!!')).toEqual([
      'muffin top is literally gone',
    ]);
    expect(claimsIn('Detox foot pads draw out toxins and fat from your belly.')).toEqual([
      'draw out toxins and fat from your belly',
    ]);
    expect(claimsIn('Slim belly patch, burns fat overnight.')).toEqual(['burns fat overnight']);
    expect(claimsIn('Inner thigh toner: squeeze away inner thigh fat in 10 minutes a day.')).toEqual([
      'squeeze away inner thigh fat',
    ]);
    expect(claimsIn('Hot cream slimming gel, fat burning for belly thighs arms')).toEqual(['fat burning for belly']);
    expect(claimsIn('🔥 #bellyfat GONE in 14 days with our sweat wrap 🔥')).toEqual(['bellyfat GONE']);
    expect(claimsIn('Turn up the heat on stubborn belly fat with the thermo shaper.')).toEqual([
      'Turn up the heat on stubborn belly fat',
    ]);
    expect(claimsIn('Turn up the heat on your workouts with this weighted vest.')).toEqual([]);
    // the same words with no fat in them, or in a kitchen
    expect(claimsIn('My back pain is gone since I started wearing the posture corrector.')).toEqual([]);
    expect(claimsIn('Squeeze out the fat from the pork belly before roasting.')).toEqual([]);
  });

  it('reads fat named by where it sits, flab sweated off, and a middle watched shrinking', () => {
    expect(claimsIn('Anti-cellulite balm that melts fat from your saddlebags.')).toEqual([
      'melts fat from your saddlebags',
    ]);
    expect(claimsIn('The suction cups suck toxins and fat out of your hips.')).toEqual([
      'suck toxins and fat out of your hips',
    ]);
    expect(claimsIn('Thermal arm sleeves that sweat off the flab as you walk.')).toEqual(['sweat off the flab']);
    expect(claimsIn('Leg raises: the secret to carving away a muffin top.')).toEqual(['carving away a muffin top']);
    expect(claimsIn('Warming serum that boosts fat burning in trouble zones.')).toEqual([
      'fat burning in trouble zones',
    ]);
    expect(claimsIn('Slimming drops: apply daily and watch your belly melt away.')).toEqual([
      'watch your belly melt away',
    ]);
    expect(claimsIn('Fat-burning tea designed to target the tummy and hips.')).toEqual([
      'Fat-burning tea designed to target the tummy and hips',
    ]);
    expect(claimsIn('The roller kneads away cellulite on your hips.')).toEqual(['kneads away cellulite on your hips']);
    expect(claimsIn('Kickstart fat burning on your upper arms with the toning gel.')).toEqual([
      'Kickstart fat burning on your upper arms',
    ]);
    expect(claimsIn('Fat burning on your upper arms is slow; it follows overall loss.')).toEqual([]);
    expect(claimsIn('Massage away tight calves after a long run.')).toEqual([]);
    // a waist held in by shapewear, a supplement that names no area, a crunch that only builds muscle
    expect(claimsIn('Seamless shorts: watch your waist look smaller in any dress.')).toEqual([]);
    expect(claimsIn('Fat burner capsules for men and women, 90 count.')).toEqual([]);
    expect(claimsIn('Stomach vacuums train the deep core muscles.')).toEqual([]);
    // a cellulite cream is a cosmetic until it promises to melt the fat
    expect(claimsIn('Cellulite serum that smooths and firms the skin.')).toEqual([]);
    expect(claimsIn('Cellulite serum that burns off cellulite fat.')).toEqual(['burns off cellulite fat']);
  });

  it('gives an exercise the exercise card even when its name sounds like a device, and a swing the toning card', () => {
    expect(ruleFor('Stomach vacuums suck the fat off your waist.')).toBe('crunches-burn-belly-fat');
    expect(ruleFor('The vacuum cups suck the fat off your waist.')).toBe('home-device-removes-fat');
    expect(ruleFor('Kettlebell swings torch saddlebags.')).toBe('toning-slims-that-area');
  });

  it('gives a massage roller the massage card, and an ab roller the exercise card', () => {
    expect(ruleFor('This massage roller melts the fat on your hips.')).toBe('vibration-shakes-off-fat');
    expect(ruleFor('Ten minutes on the ab roller burns belly fat.')).toBe('crunches-burn-belly-fat');
  });

  it('does not give a thermogenic cream the supplement card, and gives thermogenic capsules it', () => {
    // Heat or cream: either card fits a heating cream; a pill's does not.
    expect(ruleFor('Shrink your love handles with our thermogenic cream.')).not.toBe('pill-targets-area-fat');
    expect(ruleFor('Thermogenic capsules that melt belly fat.')).toBe('pill-targets-area-fat');
  });

  it('gives a detox wrap the wrap card and a detox tea the supplement card', () => {
    expect(ruleFor('Zap your saddlebags with the detox body wrap.')).toBe('sweat-wrap-melts-fat');
    expect(ruleFor('A detox drink that melts your muffin top.')).toBe('pill-targets-area-fat');
  });

  it('reads fat that simply melts from around the navel', () => {
    expect(claimsIn('The chub around your belly button gradually dissolves.')).toEqual([
      'chub around your belly button gradually dissolves',
    ]);
    expect(claimsIn('Navel oranges, sweet and seedless.')).toEqual([]);
  });

  it('leaves honest testimonials and a quoted claim that the next sentence rebuts', () => {
    expect(claimsIn('She lost her beer belly after a year of swimming and eating less.')).toEqual([]);
    expect(claimsIn('Lost my belly by cutting calories and walking daily.')).toEqual([]);
    expect(claimsIn('Lost my belly without eating less, just wearing the belt!')).toEqual(['Lost my belly']);
    expect(claimsIn('"Melts tummy fat!" says the box. Sweating is not fat loss, though.')).toEqual([]);
  });

  it('leaves claims quoted on a page whose title or heading asks whether they work, or says they do not', () => {
    const quoted = 'You have seen the ads: a belt that melts belly fat, a gel that zaps thigh fat.';
    for (const title of [
      'Do waist trainers and fat-melting creams work? A dietitian explains',
      'Can a cream really melt thigh fat?\nWhat we found',
      'Why sweat belts won’t burn belly fat',
      'Five fat-loss myths, busted',
      'Is the EMS ab belt a scam?',
      'Does Running Burn Buttocks Fat',
    ]) {
      expect(claimsIn(quoted, title), title).toEqual([]);
    }
    // product pages are titled with the product, however they sell it
    for (const title of [
      'Neoprene Sweat Belt – Melts Belly Fat Fast',
      'Sauna Suit | Lose Water Weight Before Weigh-In',
      'No-Sweat Belly Fat Burner Gel',
      'Our expert explains the science behind the HeatCore belt',
      'Do-It-All Ab Belt – Melts Belly Fat',
    ]) {
      expect(claimsIn(quoted, title), title).toEqual(['melts belly fat', 'zaps thigh fat']);
    }
  });

  it('counts cue-only patterns only near their cue', () => {
    expect(claimsIn('Lose up to 4 inches in 2 weeks!')).toEqual([]);
    expect(claimsIn('Hot tummy wrap: lose up to 4 inches in 2 weeks!')).toEqual(['lose up to 4 inches']);
    expect(claimsIn('Lose up to 4 inches in 2 weeks!', 'Neoprene Waist Trimmer Belt')).toEqual(['Lose up to 4 inches']);
  });
});

describe('matcher: cheap first pass', () => {
  it('rejects text without any anchor word', () => {
    const matcher = shippedMatcher();
    expect(matcher.mayContain('Free returns within 30 days on all orders.')).toBe(false);
    expect(matcher.mayContain('Melts belly fat')).toBe(true);
  });

  it('needs an anchor at the start of a word, where "_" and hidden characters start one too', () => {
    const matcher = shippedMatcher();
    expect(matcher.mayContain('Add to cartFlab melts')).toBe(false);
    expect(matcher.mayContain('Add to cart: Flab melts')).toBe(true);
    // hashtags: "_" separates words for the matcher (a regex's \b would not see a word start)
    expect(matcher.mayContain('#burn_belly_fat')).toBe(true);
    expect(matcher.mayContain('#great_fit')).toBe(false);
    // a soft hyphen before a stem, and one inside it
    expect(matcher.mayContain('x\u00adfat')).toBe(true);
    expect(matcher.mayContain('Fla\u00adb melts')).toBe(true);
  });

  it('has looser tests for pieces of a block and for a whole page read at once', () => {
    const matcher = shippedMatcher();
    // markup split "love <b>handles</b>": each piece may be the start or end of a stem
    expect(matcher.mayContainPart('Melts your love ')).toBe(true);
    expect(matcher.mayContainPart('handles and more')).toBe(true);
    expect(matcher.mayContainPart('Free returns')).toBe(false);
    // a page's textContent runs blocks together: no word start to rely on
    expect(matcher.mayContainPart('Add to cartFlab melts')).toBe(false);
    expect(matcher.mayContainAnywhere('Add to cartFlab melts')).toBe(true);
    expect(matcher.mayContainAnywhere('Free returns within 30 days on all orders.')).toBe(false);
    // soft hyphens and styled letters can hide a stem from the raw text: those pages are read
    expect(matcher.mayContainAnywhere('Free re\u00adturns')).toBe(true);
    expect(matcher.mayContainAnywhere('Free \ud835\uddef\ud835\uddf2')).toBe(true);
  });

  it('lists every offset where a stem could start in a page read at once', () => {
    const matcher = shippedMatcher();
    const text = 'Add to cartFlab melts, no fat';
    expect(matcher.stemStarts(text, 10)).toEqual([text.indexOf('Flab'), text.indexOf('fat')]);
    expect(matcher.stemStarts('Free returns within 30 days.', 10)).toEqual([]);
    // overlapping stems each count: "spot slim" is one stem and "slimming", inside it, another
    expect(matcher.stemStarts('spot slimming', 10)).toEqual([0, 5]);
    // a character that could hide a stem counts as one
    expect(matcher.stemStarts('Free re\u00adturns', 10)).toEqual([7]);
    // past the limit the caller falls back to testing each piece
    expect(matcher.stemStarts('fat fat fat', 2)).toBeUndefined();
    expect(matcher.stemStarts('fat fat fat', 3)).toEqual([0, 4, 8]);
  });

  it('compiles only the claim patterns a sentence has the words for', async () => {
    const { ClaimSearch } = await import('../../../src/match/claim-search');
    const { createEncoder } = await import('../../../src/match/encode');
    const { compiled } = await import('../../helpers/rules');
    const search = new ClaimSearch(compiled);
    const encode = (s: string) => createEncoder(compiled.vocabulary, compiled.firstWord)(s).text;
    expect(search.find(encode('nutrition per bar total fat 8 g of which saturates 3 g'), () => true)).toEqual([]);
    expect(search.compiledCount).toBeLessThanOrEqual(2);
    expect(search.find(encode('sweat out belly fat'), () => true)).toHaveLength(1);
    expect(search.compiledCount).toBeGreaterThan(0);
    expect(search.compiledCount).toBeLessThan(compiled.patterns.length / 4);
  });

  it('still sees anchors hidden by soft hyphens or full-width letters', () => {
    const matcher = shippedMatcher();
    expect(matcher.mayContain('be\u00adl\u00adly f\u00ada\u00adt')).toBe(true);
    expect(matcher.mayContain('\uff26\uff21\uff34')).toBe(true);
  });

  it('finds the same claims as the naive baseline (one regex per pattern, no first pass)', async () => {
    const { createMatcher } = await import('../../../src/match/matcher');
    const { compiled } = await import('../../helpers/rules');
    const naive = createMatcher(compiled, { finder: 'naive' });
    const texts = [
      'Melts stubborn belly fat in days',
      'Sweat out belly fat in 30 minutes a day.',
      'Crunches don’t burn belly fat.',
      'EMS ab belt burns belly fat while you relax.',
      'Free returns on all orders.',
    ];
    for (const text of texts) {
      expect(shippedMatcher().match(text).length > 0, text).toBe(naive.match(text).length > 0);
    }
  });
});
