/** Display names for well-known tickers, used when a snapshot gives only the symbol. */
export const KNOWN_NAMES: Readonly<Record<string, string>> = {
  BTC: 'Bitcoin', ETH: 'Ethereum', SOL: 'Solana', XRP: 'XRP', DOGE: 'Dogecoin', BNB: 'BNB', ADA: 'Cardano',
  ZEC: 'Zcash', HYPE: 'Hyperliquid', SUI: 'Sui', AVAX: 'Avalanche', LINK: 'Chainlink', LTC: 'Litecoin',
  TRX: 'Tron', TON: 'Toncoin', DOT: 'Polkadot', PEPE: 'Pepe', SHIB: 'Shiba Inu', WIF: 'dogwifhat',
  ARB: 'Arbitrum', OP: 'Optimism', APT: 'Aptos', NEAR: 'Near', BCH: 'Bitcoin Cash', ETC: 'Ethereum Classic',
  FIL: 'Filecoin', UNI: 'Uniswap', AAVE: 'Aave', ENA: 'Ethena', TIA: 'Celestia', XLM: 'Stellar',
  ATOM: 'Cosmos', INJ: 'Injective', SEI: 'Sei', TAO: 'Bittensor', WLD: 'Worldcoin', FARTCOIN: 'Fartcoin',
};
