// The seed article's story as record ids: what the API's compare metric and the widget's views show
// when no indicator is given. Ids only (the public contract), so any bundle can import it for free.

/**
 * The seed story: MT-0 seizures (an enforcement output) against street-level sales and convictions
 * (outcomes), CEAD police cases as the long series, the PDI commissioner's statement.
 * @example SEED_STORY.compare // ['mt0.seizures', 'fiscalia.street_sales', 'fiscalia.convictions.microtrafficking']
 */
export const SEED_STORY = {
  stat: 'mt0.seizures',
  series: 'cead.cases.drugs',
  compare: ['mt0.seizures', 'fiscalia.street_sales', 'fiscalia.convictions.microtrafficking'],
  statement: 'sepulveda.stockpiling',
  table: [
    'mt0.seizures',
    'fiscalia.street_sales',
    'fiscalia.convictions.microtrafficking',
    'mt0.arrests',
    'mt0.arrests.hotline_share',
  ],
} as const;
