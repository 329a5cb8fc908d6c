//! The command line.

use clap::{Args, Parser, Subcommand, ValueEnum};
use codchain_client::Wait;
use std::path::PathBuf;

#[derive(Parser, Clone)]
#[command(
	name = "codchain",
	version,
	about = "The Codchain wallet: COD, time coins, organisation coins and the market"
)]
pub struct Cli {
	/// The node's JSON-RPC endpoint.
	#[arg(long, global = true, env = "CODCHAIN_URL", default_value = codchain_client::DEFAULT_URL)]
	pub url: String,
	/// Secret URI of the signing key: //Alice, a mnemonic with an optional //derivation path,
	/// or a 0x seed. Prefer --key-file outside development: arguments are visible to other users.
	#[arg(long, global = true, env = "CODCHAIN_SURI", conflicts_with = "key_file")]
	pub suri: Option<String>,
	/// A polkadot.js JSON key file; the password comes from CODCHAIN_PASSWORD or a prompt.
	#[arg(long, global = true, env = "CODCHAIN_KEY_FILE")]
	pub key_file: Option<PathBuf>,
	/// The scheme of --suri: sr25519, ed25519 or ecdsa.
	#[arg(long, global = true, default_value = "sr25519")]
	pub key_type: String,
	/// Print JSON for scripts instead of text.
	#[arg(long, global = true)]
	pub json: bool,
	/// How long a transaction command waits.
	#[arg(long, global = true, value_enum, default_value_t = WaitArg::Finalized)]
	wait_for: WaitArg,
	#[arg(skip = Wait::Finalized)]
	pub wait: Wait,
	#[command(subcommand)]
	pub group: Group,
}

impl Cli {
	pub fn parse() -> Self {
		let mut cli = <Self as Parser>::parse();
		cli.wait = match cli.wait_for {
			WaitArg::InBlock => Wait::InBlock,
			WaitArg::Finalized => Wait::Finalized,
		};
		cli
	}
}

#[derive(ValueEnum, Clone, Copy)]
enum WaitArg {
	/// Until a block includes the transaction.
	InBlock,
	/// Until that block is final.
	Finalized,
}

#[derive(Subcommand, Clone)]
pub enum Group {
	/// COD balances and transfers.
	#[command(subcommand)]
	Account(AccountCmd),
	/// Create and inspect keys.
	#[command(subcommand)]
	Key(KeyCmd),
	/// Personal time coins (seconds of an issuer's time).
	#[command(subcommand)]
	Timecoin(TimecoinCmd),
	/// Organisation coins backed by collateral claims.
	#[command(subcommand)]
	Codcoin(CodcoinCmd),
	/// Offers, trades and records of the market.
	#[command(subcommand)]
	Market(MarketCmd),
	/// WhitePay upkeeping contracts: storage paid for attested space-time.
	#[command(subcommand)]
	Upkeep(UpkeepCmd),
	/// Joint tokens: kinds defined by rules, multi-signed items, the desk, presales, loans.
	#[command(subcommand)]
	Jt(JtCmd),
	/// CarChain: your vehicles, their encrypted data in the nodes' value store, grants.
	#[command(subcommand)]
	Car(CarCmd),
	/// Leither credit: lines, IOUs, payments along lines, netting.
	#[command(subcommand)]
	Credit(crate::credit::CreditCmd),
	/// Leither organisations and the cod registry of nodes.
	#[command(subcommand)]
	Org(crate::org::OrgCmd),
	/// MiMei content objects: versions, pointers, references, at any block.
	#[command(subcommand)]
	Mimei(crate::mimei::MiMeiCmd),
	/// Load generation: pre-signed transactions at a chosen rate, measured from finalized blocks.
	Load(crate::load::LoadCmd),
}

/// Where a device's record is: the device, the day (which picks the pool address) and the key.
#[derive(Args, Clone)]
pub struct CarRecordArgs {
	/// The device's vid (e.g. a VIN).
	pub vid: String,
	/// The day the data belongs to, `YYYYMMDD` or `YYYY-MM-DD`.
	#[arg(long)]
	pub date: String,
	/// The record's key (text, compared byte by byte in range reads).
	#[arg(long)]
	pub key: String,
	/// Addresses in the device's pool.
	#[arg(long, default_value_t = 16)]
	pub pool: u32,
}

#[derive(Subcommand, Clone)]
pub enum CarCmd {
	/// Your encryption public key, and a device's pool seed and addresses (nothing is sent).
	Keys {
		vid: Option<String>,
		/// Also show which pool address carries this day's data.
		#[arg(long, requires = "vid")]
		date: Option<String>,
		#[arg(long, default_value_t = 16)]
		pool: u32,
	},
	/// Register a device to you: the device key (its secret URI) signs the setup.
	Setup {
		vid: String,
		#[arg(long)]
		device: String,
		/// A registered agent node the device reports through.
		#[arg(long)]
		agent: Option<String>,
	},
	/// Move a device to you with a new key, signed by its previous key.
	Reset {
		vid: String,
		#[arg(long)]
		old_device: String,
		#[arg(long)]
		device: String,
		#[arg(long)]
		agent: Option<String>,
	},
	/// A device, or an owner's devices (yours by default).
	Devices { owner: Option<String> },
	/// As the device: encrypt a file to the owner's key, register it at the day's pool address
	/// and upload it to the node.
	Put {
		#[command(flatten)]
		at: CarRecordArgs,
		/// The value: a file (e.g. a trip-gps JSON).
		#[arg(long)]
		file: PathBuf,
		#[arg(long, default_value = "trip-gps")]
		format: String,
		/// The pool seed the wallet gave the device (hex); by default derived from your key.
		#[arg(long)]
		pool_seed: Option<String>,
		/// Submit through this registered agent (secret URI) with the address's consent;
		/// by default the address submits and pays itself.
		#[arg(long)]
		agent: Option<String>,
	},
	/// Find a record by day and key, download, decrypt and select columns.
	Get {
		#[command(flatten)]
		at: CarRecordArgs,
		/// Columns of the JSON value to show (comma-separated); all by default.
		#[arg(long, value_delimiter = ',')]
		columns: Vec<String>,
	},
	/// A day's records in key order from --start to --end, decrypted.
	Range {
		vid: String,
		#[arg(long)]
		date: String,
		#[arg(long)]
		start: Option<String>,
		#[arg(long)]
		end: Option<String>,
		#[arg(long, value_delimiter = ',')]
		columns: Vec<String>,
		#[arg(long, default_value_t = 16)]
		pool: u32,
	},
	/// Grant a record to a buyer: its value key sealed to the buyer's encryption key. The
	/// day's pool address signs (it pays the fee).
	Grant {
		#[command(flatten)]
		at: CarRecordArgs,
		#[arg(long)]
		to: String,
		/// The buyer's encryption public key (hex, from `car keys`).
		#[arg(long)]
		to_key: String,
		#[arg(long)]
		resell: bool,
		#[arg(long)]
		dup: bool,
	},
	/// Put records of one device and day into a provider's usage request: each value key
	/// sealed to the computation's executor, each pool address consenting.
	Approve {
		request: u32,
		vid: String,
		#[arg(long)]
		date: String,
		/// A record key of that day (repeat).
		#[arg(long = "key", required = true)]
		keys: Vec<String>,
		#[arg(long, default_value_t = 16)]
		pool: u32,
	},
	/// As a grantee: read a record granted to you, by its address and key.
	Read {
		/// The record's address.
		address: String,
		#[arg(long)]
		key: String,
		#[arg(long, value_delimiter = ',')]
		columns: Vec<String>,
	},
	/// Draw a trip record's GPS track (coloured by speed) as an SVG.
	Trip {
		#[command(flatten)]
		at: CarRecordArgs,
		#[arg(long)]
		svg: PathBuf,
	},
	/// The data token's emission: minted per phase and caps.
	Emission,
}

#[derive(Subcommand, Clone)]
pub enum AccountCmd {
	/// Free, reserved and frozen COD of an account (yours by default).
	Balance { who: Option<String> },
	/// Send COD, e.g. `transfer //Bob 1.5`.
	Transfer {
		to: String,
		/// COD, up to 12 decimals.
		#[arg(allow_hyphen_values = true)]
		amount: String,
		/// Allow your account to fall below the existential deposit and be removed.
		#[arg(long)]
		allow_death: bool,
	},
}

#[derive(Subcommand, Clone)]
pub enum KeyCmd {
	/// A new random key: prints its mnemonic and address; --out writes an encrypted key file.
	Generate {
		#[arg(long, default_value = "sr25519")]
		scheme: String,
		/// Write a polkadot.js JSON key file (password from CODCHAIN_PASSWORD or a prompt).
		#[arg(long)]
		out: Option<PathBuf>,
		/// The name stored in the key file.
		#[arg(long, default_value = "codchain")]
		name: String,
	},
	/// The public key and address of a secret URI or of --key-file.
	Inspect {
		/// A secret URI; defaults to --suri.
		uri: Option<String>,
	},
}

/// Coins to spend: named with --coin, or chosen by the wallet when none is named.
#[derive(Args, Clone)]
pub struct CoinArgs {
	/// A coin to spend (0x…); repeat for several. Without it the wallet picks coins.
	#[arg(long = "coin")]
	pub coins: Vec<String>,
}

#[derive(Subcommand, Clone)]
pub enum TimecoinCmd {
	/// Stand behind this much of your time as an issuer (e.g. 40h).
	DeclareCapacity { capacity: String },
	/// Issue your seconds as new coins: `--to ADDRESS=DURATION`, repeatable (default: to yourself).
	Issue {
		#[arg(long = "to", required = true)]
		outputs: Vec<String>,
	},
	/// Give seconds of an issuer's coins to someone; the change comes back to you.
	Transfer {
		#[arg(long)]
		issuer: String,
		#[arg(long)]
		to: String,
		/// Seconds, or a duration such as 85s, 15m, 1h30m.
		#[arg(long)]
		amount: String,
		#[command(flatten)]
		coins: CoinArgs,
	},
	/// Spend seconds for an appointment with the issuer over [begin, end).
	Exercise {
		#[arg(long)]
		issuer: String,
		/// Start: Unix seconds or a UTC date such as 2026-12-01T10:00:00Z.
		#[arg(long)]
		begin: String,
		/// End, in the same form.
		#[arg(long)]
		end: String,
		#[command(flatten)]
		coins: CoinArgs,
	},
	/// The general pour: inputs, outputs `ADDRESS=DURATION`, added time, an optional booking.
	Pour {
		#[arg(long)]
		issuer: String,
		#[arg(long = "input")]
		inputs: Vec<String>,
		#[arg(long = "output")]
		outputs: Vec<String>,
		/// Seconds the issuer adds (issuer only).
		#[arg(long, default_value = "0")]
		time: String,
		/// Book [begin, end) with the pour: two times.
		#[arg(long, num_args = 2, value_names = ["BEGIN", "END"])]
		book: Option<Vec<String>>,
	},
	/// As issuer, cancel an appointment before it begins.
	Cancel { id: u64 },
	/// Confirm that an appointment took place.
	Confirm { id: u64 },
	/// As holder, report that the issuer did not show up.
	ReportNoShow { id: u64 },
	/// As issuer, contest a no-show report.
	AnswerNoShow { id: u64 },
	/// Close a due appointment (anyone).
	Settle { id: u64 },
	/// As issuer that owes nothing, retire and get the deposit back.
	Retire,
	/// Merge your coins of an issuer into one: transfers to yourself up to `MaxInputs` of the
	/// smallest at a time, until one coin is left.
	Merge {
		#[arg(long)]
		issuer: String,
	},
	/// Coins an account holds (yours by default).
	Coins { holder: Option<String> },
	/// Live coins of an issuer, whoever holds them.
	IssuerCoins { issuer: String },
	/// Seconds an account holds per issuer.
	Holdings { holder: Option<String> },
	/// One coin.
	Coin { id: String },
	/// An issuer's capacity, outstanding seconds and record (yours by default).
	Issuer { issuer: Option<String> },
	/// An issuer's appointments in a time window (default: all).
	Appointments {
		issuer: String,
		#[arg(long)]
		from: Option<String>,
		#[arg(long)]
		to: Option<String>,
	},
	/// How an issuer's recent appointments ended.
	History { issuer: String },
}

#[derive(ValueEnum, Clone, Copy)]
pub enum ClaimKindArg {
	/// Goods in stock (units).
	Stock,
	/// Labour (person-hours).
	Labour,
	/// Service capacity.
	Service,
}

#[derive(Subcommand, Clone)]
pub enum CodcoinCmd {
	/// Declare collateral that backs your coin until a block.
	DeclareClaim {
		#[arg(long, value_enum)]
		kind: ClaimKindArg,
		/// Units, person-hours or capacity, by kind.
		#[arg(long)]
		quantity: u64,
		/// How many coin units the claim backs.
		#[arg(long)]
		value: String,
		/// Last block of the claim: a number, or +N blocks / +DURATION from now.
		#[arg(long)]
		expiry: String,
		#[arg(long)]
		attestor: Option<String>,
	},
	/// As attestor, co-sign an issuer's claim.
	AttestClaim { issuer: String, claim: u64 },
	/// Remove one of your claims and get its deposit back.
	RetireClaim { claim: u64 },
	/// Mint your coin: `--to ADDRESS=UNITS`, repeatable.
	Issue {
		#[arg(long = "to", required = true)]
		outputs: Vec<String>,
	},
	/// Re-mint coins into new outputs of the same total.
	Remint {
		#[arg(long = "input", required = true)]
		inputs: Vec<String>,
		#[arg(long = "output", required = true)]
		outputs: Vec<String>,
	},
	/// Burn coins you hold.
	Destroy {
		#[arg(long = "coin", required = true)]
		coins: Vec<String>,
	},
	/// Pay units of an issuer's coin; the change comes back to you.
	Pay {
		#[arg(long)]
		issuer: String,
		#[arg(long)]
		to: String,
		#[arg(long)]
		amount: String,
		#[command(flatten)]
		coins: CoinArgs,
	},
	/// Merge your coins of an issuer into one: pays yourself up to `MaxInputs` of the smallest
	/// at a time, until one coin is left (a balance split into too many coins cannot be paid).
	Merge {
		#[arg(long)]
		issuer: String,
	},
	/// Coins an account holds (yours by default).
	Coins { holder: Option<String> },
	/// Live coins of an issuer.
	IssuerCoins { issuer: String },
	/// Units an account holds per issuer.
	Holdings { holder: Option<String> },
	/// One coin.
	Coin { id: String },
	/// Units of one issuer's coin an account holds.
	Balance { issuer: String, holder: Option<String> },
	/// Supply, cap, shortfall and escrow of an issuer (yours by default).
	Issuer { issuer: Option<String> },
	/// An issuer's collateral claims.
	Claims { issuer: Option<String> },
}

#[derive(Subcommand, Clone)]
pub enum MarketCmd {
	/// Publish the resources you hold or offer (none: withdraw the list).
	Register { resources: Vec<String> },
	/// Offer AMOUNT of PAY for RECEIVE at RATIO (`pay:receive`, e.g. 1:2).
	Offer {
		/// cod, timecoin:<issuer>, codcoin:<issuer>, fiat:<unit>, time:<unit> or info:<unit>.
		#[arg(long)]
		pay: String,
		#[arg(long)]
		receive: String,
		/// Pay units per receive units, `P:R`.
		#[arg(long)]
		ratio: String,
		/// How much of PAY (COD with decimals when PAY is cod).
		#[arg(long)]
		amount: String,
		/// The smallest fill (default: the whole amount).
		#[arg(long)]
		min_fill: Option<String>,
		/// Last block: a number, or +N blocks / +DURATION from now.
		#[arg(long, default_value = "+1d")]
		expiry: String,
		/// COD bonded by each side paying an off-chain leg, for the whole amount.
		#[arg(long, default_value = "0")]
		bond: String,
		#[command(flatten)]
		coins: CoinArgs,
	},
	/// Withdraw one of your offers.
	Cancel { id: u64 },
	/// Take AMOUNT (of the offer's PAY) of an offer.
	Accept {
		offer: u64,
		amount: String,
		#[command(flatten)]
		coins: CoinArgs,
	},
	/// As receiver of an off-chain leg, confirm it arrived.
	Confirm { trade: u64 },
	/// After the deadline, apply the default and dispute rules (anyone).
	Resolve { trade: u64 },
	/// As payer of an off-chain leg, report it sent (optionally with a 0x reference).
	MarkSent {
		trade: u64,
		#[arg(long)]
		reference: Option<String>,
	},
	/// Close your clean record and get its deposit back.
	CloseRecord,
	/// Open offers paying PAY for RECEIVE.
	Offers { pay: String, receive: String },
	/// One offer.
	ShowOffer { id: u64 },
	/// Pending trades of an account (yours by default).
	Trades { who: Option<String> },
	/// An account's record (yours by default).
	Stats { who: Option<String> },
	/// Open offers buying back an issuer's coin.
	BuyBack { issuer: String },
	/// Resources an account registered (yours by default).
	Registered { who: Option<String> },
}

#[derive(Subcommand, Clone)]
pub enum UpkeepCmd {
	/// Create an upkeeping contract; the escrow and a deposit are held from you.
	Create {
		/// A keeper of the group (repeat for each).
		#[arg(long = "keeper", required = true)]
		keepers: Vec<String>,
		/// A storage provider (repeat for each).
		#[arg(long = "provider", required = true)]
		providers: Vec<String>,
		/// COD per space-time unit (one byte kept for one block), e.g. 0.000001.
		#[arg(long)]
		price: String,
		/// Payment period, in blocks.
		#[arg(long)]
		period: u32,
		/// Each keeper's leader window, in blocks.
		#[arg(long)]
		window: u32,
		/// COD to escrow now.
		#[arg(long)]
		escrow: String,
		/// Values agree when equal after division by this (chain default 10000).
		#[arg(long)]
		tolerance: Option<u128>,
		/// The provider's part, percent (chain default 90).
		#[arg(long)]
		provider_share: Option<u32>,
		/// Bonus for the keeper that pays, per mille (chain default 0).
		#[arg(long, requires = "provider_share")]
		leader_bonus: Option<u32>,
	},
	/// Add COD to a contract's escrow.
	TopUp { contract: u64, amount: String },
	/// New members for every provider's next period.
	ChangeMembers {
		contract: u64,
		#[arg(long = "keeper", required = true)]
		keepers: Vec<String>,
		#[arg(long = "provider", required = true)]
		providers: Vec<String>,
	},
	/// Close a contract: no period ends after this block.
	Close { contract: u64 },
	/// Remove a closed, paid-up contract; escrow and deposit come back.
	Finish { contract: u64 },
	/// As a provider, announce a maintenance window (blocks, or +N / +DURATION from now).
	Maintenance { contract: u64, start: String, end: String },
	/// A contract: terms, members, escrow.
	Contract { contract: u64 },
	/// Contracts of an owner (yours by default).
	Contracts { owner: Option<String> },
	/// Providers of a contract: paid until, last payment, maintenance.
	Providers { contract: u64 },
	/// Who may pay a provider now (or at --at BLOCK), until which block.
	Leader {
		contract: u64,
		provider: String,
		#[arg(long)]
		at: Option<u32>,
	},
	/// Every keeper's window for a provider's next payment.
	Windows { contract: u64, provider: String },
	/// Payments of a contract.
	Payments { contract: u64 },
}

/// A signer of an item: `SURI=AMOUNT`, the SURI optionally prefixed by its scheme
/// (`ed25519:`, `ecdsa:`; sr25519 by default), e.g. `ecdsa://Bob=5`.
pub type SignedPart = String;

#[derive(Subcommand, Clone)]
pub enum JtCmd {
	/// Create a kind from a rules file (JSON, see docs/JOINTTOKEN.md); you must be its deployer.
	Create { rules: PathBuf },
	/// The id a rules file defines, computed here (nothing is sent).
	Id { rules: PathBuf },
	/// A kind: its rules, state, keyless accounts; checks the rules hash to the id.
	Kind { jtid: String },
	/// Free and escrowed tokens of an account (yours by default).
	Balance { jtid: String, who: Option<String> },
	/// Submit the next due issue of a planned schedule (anyone may).
	Issue { jtid: String, schedule: u8 },
	/// Transfer: each input signs with its own key; you submit and pay the fee.
	Transfer {
		jtid: String,
		/// An input, `SURI=AMOUNT` (repeat; prefix `ed25519:` or `ecdsa:` for other schemes).
		#[arg(long = "in", required = true)]
		inputs: Vec<SignedPart>,
		/// An output, `ADDRESS=AMOUNT` (repeat).
		#[arg(long = "out", required = true)]
		outputs: Vec<String>,
		/// The last block the item is valid before (N, +N or +DURATION).
		#[arg(long, default_value = "+100")]
		expires: String,
		#[arg(long, default_value = "")]
		remark: String,
	},
	/// Burn your tokens (if the rules allow); each input signs.
	Destroy {
		jtid: String,
		#[arg(long = "in", required = true)]
		inputs: Vec<SignedPart>,
		#[arg(long, default_value = "+100")]
		expires: String,
	},
	/// Swap two kinds atomically; both payers sign.
	Exchange {
		/// Kind A, its payer's SURI, and A's outputs ADDRESS=AMOUNT.
		#[arg(long)]
		a: String,
		#[arg(long)]
		a_payer: String,
		#[arg(long = "a-out", required = true)]
		a_outputs: Vec<String>,
		#[arg(long)]
		b: String,
		#[arg(long)]
		b_payer: String,
		#[arg(long = "b-out", required = true)]
		b_outputs: Vec<String>,
		#[arg(long, default_value = "+100")]
		expires: String,
	},
	/// Register an automatic account from a distribution rule file (JSON).
	Automatic { rule: PathBuf },
	/// Submit the next alloc of an automatic account (anyone may; the chain recomputes it).
	Alloc { jtid: String, account: String },
	/// What buying at the desk for COD gives now.
	Quote { jtid: String, cod: String },
	/// Buy new tokens at the desk.
	Buy {
		jtid: String,
		cod: String,
		/// Fail if fewer tokens would come.
		#[arg(long, default_value = "1")]
		min: String,
	},
	/// Sell tokens to the desk: accept its standing offer for COD.
	Sell { jtid: String, cod: String },
	/// Appoint the trust-mode trustee (deployer; none dismisses).
	Trustee { jtid: String, trustee: Option<String> },
	/// Set prices (trustee): COD_PLANCK:JT_UNITS for sell and buy, fee in percent.
	Prices {
		jtid: String,
		#[arg(long)]
		sell: String,
		#[arg(long)]
		buy: String,
		#[arg(long)]
		fee: u32,
	},
	/// Declare yourself an ordinary user of a kind (or, with --revoke, withdraw).
	Declare {
		jtid: String,
		#[arg(long)]
		revoke: bool,
	},
	/// Pay a tutor, who becomes a mentor.
	Tutor { jtid: String, mentor: String, amount: String },
	/// Presales: open, preorder, deliver, confirm, settle, close, show.
	#[command(subcommand)]
	Presale(PresaleCmd),
	/// Loans: apply, fund, repay, cancel, show.
	#[command(subcommand)]
	Loan(LoanCmd),
}

#[derive(Subcommand, Clone)]
pub enum PresaleCmd {
	/// Open a presale (ordinary users). Blocks: N, +N or +DURATION.
	Open {
		jtid: String,
		#[arg(long)]
		price: String,
		#[arg(long)]
		units: u32,
		/// All or nothing: fewer units preordered by --closes refunds everyone.
		#[arg(long, default_value_t = 0)]
		goal: u32,
		#[arg(long)]
		opens: String,
		#[arg(long)]
		closes: String,
		#[arg(long)]
		deliver_by: String,
		/// Hash of the product description.
		#[arg(long)]
		product: Option<String>,
	},
	/// Preorder units, paying into escrow.
	Preorder { presale: u64, units: u32 },
	/// As the seller, report a preorder delivered.
	Delivered { presale: u64, buyer: String },
	/// As the buyer, confirm delivery: the seller is paid.
	Confirm { presale: u64 },
	/// Settle a preorder after a missed goal or deadline (refund, or burn if disputed).
	Settle { presale: u64, buyer: String },
	/// As the seller, remove a finished presale.
	Close { presale: u64 },
	/// A presale, and a buyer's preorder.
	Show { presale: u64, buyer: Option<String> },
}

#[derive(Subcommand, Clone)]
pub enum LoanCmd {
	/// Apply for a loan (ordinary users).
	Apply {
		jtid: String,
		amount: String,
		#[arg(long)]
		installments: u32,
		/// Blocks between installments.
		#[arg(long)]
		every: u32,
		#[arg(long, default_value_t = 0)]
		interest: u32,
	},
	/// Lend: from your balance, or (deployer) --incubation from the fund.
	Fund {
		loan: u64,
		#[arg(long)]
		incubation: bool,
	},
	/// Repay: arrears first, then ahead.
	Repay { loan: u64, amount: String },
	/// Withdraw a loan nobody funded.
	Cancel { loan: u64 },
	/// A loan.
	Show { loan: u64 },
}
