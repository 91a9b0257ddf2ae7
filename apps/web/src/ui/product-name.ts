/** The product's name is a name: it is the same in every language, so it is not translated. */
export const productName = 'Paydesk';
