//! `docs/LIMITS.md` quotes the runtime's limits in tables whose rows name a constant in a
//! `Constant` column and give its value as a plain integer (`Value`, or `Planck` and `COD` for
//! COD amounts). This test reads every such row and fails when a value differs from the
//! runtime's, when a row names a constant the test does not know, when a constant the test
//! knows is missing from the doc, when a unit or a COD figure is wrong, when a `Set in` path does
//! not exist, or when an error named `Pallet.Variant` is not in that pallet's `Error` enum.
//!
//! Constants private to their crate (the page caps of some queries, the node's RPC pages, the
//! SDK's page) are read from their source files.
#![allow(deprecated)]

use codchain_runtime::{
	configs::{consensus, MarketSettlementPeriod, TransactionByteFee},
	genesis_config_presets::{MIN_NOMINATOR_BOND, MIN_VALIDATOR_BOND},
	Runtime, DAYS, HOURS, MILLISECS_PER_BLOCK, UNITS,
};
use frame_support::{dispatch::DispatchClass, traits::Get};
use std::{collections::BTreeSet, path::PathBuf};

/// `<Runtime as $pallet::Config>::$item::get()`.
macro_rules! param {
	($pallet:ident, $item:ident) => {
		<Runtime as $pallet::Config>::$item::get()
	};
}

/// Every constant the doc must state, by the name its `Constant` column gives.
const KNOWN: &[&str] = &[
	// Time
	"runtime::MILLISECS_PER_BLOCK",
	"runtime::HOURS",
	"runtime::DAYS",
	"babe::EpochDuration",
	"staking::SessionsPerEra",
	// Accounts and transactions
	"balances::ExistentialDeposit",
	"transaction_payment::TransactionByteFee",
	"system::BlockHashCount",
	"system::BlockLength",
	// Staking
	"genesis::MIN_NOMINATOR_BOND",
	"genesis::MIN_VALIDATOR_BOND",
	"staking::BondingDuration",
	"staking::SlashDeferDuration",
	"staking::HistoryDepth",
	"staking::MaxUnlockingChunks",
	"staking::NominationsQuota",
	"staking::MaxValidatorSet",
	"election::MaxBackersPerWinner",
	"election::ElectionBoundsOnChain.voters",
	"election::ElectionBoundsOnChain.targets",
	// Timecoin
	"timecoin::CoinDeposit",
	"timecoin::HolderDeposit",
	"timecoin::IssuerDeposit",
	"timecoin::MaxInputs",
	"timecoin::MaxOutputs",
	"timecoin::MaxOpenAppointments",
	"timecoin::MaxOpenPerHolder",
	"timecoin::MaxHistory",
	"timecoin::MaxHorizon",
	"timecoin::ObjectionWindow",
	"timecoin::AnswerWindow",
	"timecoin::MAX_CAPACITY",
	// Codcoin
	"codcoin::CoinDeposit",
	"codcoin::ClaimDeposit",
	"codcoin::IssuerDeposit",
	"codcoin::MaxInputs",
	"codcoin::MaxOutputs",
	"codcoin::MaxClaims",
	// Market
	"market::OfferDeposit",
	"market::TradeDeposit",
	"market::RegistrationDeposit",
	"market::RecordDeposit",
	"market::MaxOffersPerAccount",
	"market::MaxExpiringPerBlock",
	"market::MaxRegistered",
	"market::MaxPaymentCoins",
	"market::MAX_NAMED_COINS",
	"market::MAX_UNIT_LEN",
	"market::SettlementPeriod",
	// Upkeep
	"upkeep::ContractDeposit",
	"upkeep::KeeperDeposit",
	"upkeep::ProviderDeposit",
	"upkeep::MaxKeepers",
	"upkeep::MaxProviders",
	"upkeep::MaxHistory",
	"upkeep::MaxMaintenance",
	"upkeep::MaxMaintenanceLength",
	"upkeep::DEFAULT_TOLERANCE",
	// Joint tokens
	"jointtoken::KindDeposit",
	"jointtoken::ByteDeposit",
	"jointtoken::EntryDeposit",
	"jointtoken::RecordDeposit",
	"jointtoken::MaxDocumentLen",
	"jointtoken::MaxInputs",
	"jointtoken::MaxOutputs",
	"jointtoken::MaxShares",
	"jointtoken::MaxItemLife",
	"jointtoken::MaxItemsPerExpiry",
	"jointtoken::MaxDuePerBlock",
	"jointtoken::MaxLoansPerBorrower",
	"jointtoken::MAX_NAME_LEN",
	"jointtoken::MAX_SYMBOL_LEN",
	"jointtoken::MAX_SCHEDULES",
	"jointtoken::MAX_INSTALLMENTS",
	"jointtoken::MAX_REMARK_LEN",
	// CarChain
	"carchain::DeviceDeposit",
	"carchain::RecordDeposit",
	"carchain::GrantDeposit",
	"carchain::RegistrationDeposit",
	"carchain::ComputationDeposit",
	"carchain::RequestDeposit",
	"carchain::ApprovalDeposit",
	"carchain::MinRecordLife",
	"carchain::MaxRequestLife",
	"carchain::ResultRetention",
	"carchain::AgentEpoch",
	"carchain::MinCohort",
	"carchain::MaxCohort",
	"carchain::MaxApprovalRecords",
	"carchain::MaxValueSize",
	"carchain::MaxVidLen",
	"carchain::MaxKeyLen",
	"carchain::MaxFormatLen",
	"carchain::MaxWrappedKeyLen",
	"carchain::MaxResultLen",
	"carchain::MaxDevicesPerOwner",
	"carchain::MaxComputations",
	"carchain::TotalEmission",
	"carchain::RecordReward",
	"carchain::AgentEpochBudget",
	"data_token::ExistentialDeposit",
	// Credit
	"credit::LineDeposit",
	"credit::RoleLimitDeposit",
	"credit::MaxHops",
	"credit::MaxNetEdges",
	"credit::MaxPathSearch",
	"credit::Unit",
	// Organisations
	"orgs::OrgDeposit",
	"orgs::MemberDeposit",
	"orgs::NodeDeposit",
	"orgs::MaxNameLen",
	"orgs::MaxInfoLen",
	"orgs::MaxMembers",
	// MiMei
	"mimei::ObjectDeposit",
	"mimei::VersionDeposit",
	"mimei::RefDeposit",
	"mimei::MaxFieldLen",
	"mimei::MaxVersions",
	// Pages of queries
	"timecoin::MAX_PAGE",
	"codcoin::MAX_PAGE",
	"market::MAX_PAGE",
	"upkeep::MAX_PAGE",
	"carchain::MAX_PAGE",
	"credit::MAX_PAGE",
	"orgs::MAX_PAGE",
	"mimei::MAX_PAGE",
	"node::DEFAULT_PAGE",
	"node::MAX_RANGE_PAGE",
	"node::MAX_RANGE_BYTES",
	"sdk::PAGE",
];

/// What a constant's value is counted in, and so which table and unit its row needs.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
	/// A COD amount: a row of a deposit table, with `COD` and `Planck` columns.
	Cod,
	/// A quantity whose `Unit` column must read exactly this.
	In(&'static str),
	/// A count: the `Unit` column names what is counted.
	Count,
}
use Kind::{Cod, Count, In};

/// The data token's instance of pallet-balances.
type DataToken = pallet_balances::Instance2;

fn n32(v: u32) -> u128 {
	v.into()
}

fn n64(v: u64) -> u128 {
	v.into()
}

fn bal(v: u128) -> u128 {
	v
}

/// The runtime's value of the constant `name` names in the doc, and its kind; `None` for a name
/// this test does not know. Needs externalities: the settlement period is read from storage.
fn expected(name: &str) -> Option<(u128, Kind)> {
	let blocks = In("blocks");
	let seconds = In("seconds");
	let bytes = In("bytes");
	let eras = In("eras");
	let data = In("data-token planck");
	let page = |rel: &str| (source_const(rel, "MAX_PAGE"), Count);
	Some(match name {
		// Time
		"runtime::MILLISECS_PER_BLOCK" => (n64(MILLISECS_PER_BLOCK), In("milliseconds")),
		"runtime::HOURS" => (n32(HOURS), blocks),
		"runtime::DAYS" => (n32(DAYS), blocks),
		"babe::EpochDuration" => (n64(param!(pallet_babe, EpochDuration)), In("slots")),
		"staking::SessionsPerEra" => (n32(param!(pallet_staking, SessionsPerEra)), In("sessions")),
		// Accounts and transactions
		"balances::ExistentialDeposit" => (bal(param!(pallet_balances, ExistentialDeposit)), Cod),
		"transaction_payment::TransactionByteFee" => (bal(TransactionByteFee::get()), Cod),
		"system::BlockHashCount" => (n32(param!(frame_system, BlockHashCount)), blocks),
		"system::BlockLength" => {
			let length = <Runtime as frame_system::Config>::BlockLength::get();
			(n32(*length.max.get(DispatchClass::Normal)), bytes)
		},
		// Staking
		"genesis::MIN_NOMINATOR_BOND" => (bal(MIN_NOMINATOR_BOND), Cod),
		"genesis::MIN_VALIDATOR_BOND" => (bal(MIN_VALIDATOR_BOND), Cod),
		"staking::BondingDuration" => (n32(param!(pallet_staking, BondingDuration)), eras),
		"staking::SlashDeferDuration" => (n32(param!(pallet_staking, SlashDeferDuration)), eras),
		"staking::HistoryDepth" => (n32(param!(pallet_staking, HistoryDepth)), eras),
		"staking::MaxUnlockingChunks" => (n32(param!(pallet_staking, MaxUnlockingChunks)), Count),
		"staking::NominationsQuota" => {
			(n32(pallet_staking::MaxNominationsOf::<Runtime>::get()), Count)
		},
		"staking::MaxValidatorSet" => (n32(param!(pallet_staking, MaxValidatorSet)), Count),
		"election::MaxBackersPerWinner" => (n32(consensus::MaxBackersPerWinner::get()), Count),
		"election::ElectionBoundsOnChain.voters" => {
			let bounds = consensus::ElectionBoundsOnChain::get();
			(n32(bounds.voters.count.expect("the election bounds its voters").0), Count)
		},
		"election::ElectionBoundsOnChain.targets" => {
			let bounds = consensus::ElectionBoundsOnChain::get();
			(n32(bounds.targets.count.expect("the election bounds its targets").0), Count)
		},
		// Timecoin
		"timecoin::CoinDeposit" => (bal(param!(pallet_timecoin, CoinDeposit)), Cod),
		"timecoin::HolderDeposit" => (bal(param!(pallet_timecoin, HolderDeposit)), Cod),
		"timecoin::IssuerDeposit" => (bal(param!(pallet_timecoin, IssuerDeposit)), Cod),
		"timecoin::MaxInputs" => (n32(param!(pallet_timecoin, MaxInputs)), Count),
		"timecoin::MaxOutputs" => (n32(param!(pallet_timecoin, MaxOutputs)), Count),
		"timecoin::MaxOpenAppointments" => {
			(n32(param!(pallet_timecoin, MaxOpenAppointments)), Count)
		},
		"timecoin::MaxOpenPerHolder" => (n32(param!(pallet_timecoin, MaxOpenPerHolder)), Count),
		"timecoin::MaxHistory" => (n32(param!(pallet_timecoin, MaxHistory)), Count),
		"timecoin::MaxHorizon" => (n64(param!(pallet_timecoin, MaxHorizon)), seconds),
		"timecoin::ObjectionWindow" => (n64(param!(pallet_timecoin, ObjectionWindow)), seconds),
		"timecoin::AnswerWindow" => (n64(param!(pallet_timecoin, AnswerWindow)), seconds),
		"timecoin::MAX_CAPACITY" => (n64(pallet_timecoin::MAX_CAPACITY), seconds),
		// Codcoin
		"codcoin::CoinDeposit" => (bal(param!(pallet_codcoin, CoinDeposit)), Cod),
		"codcoin::ClaimDeposit" => (bal(param!(pallet_codcoin, ClaimDeposit)), Cod),
		"codcoin::IssuerDeposit" => (bal(param!(pallet_codcoin, IssuerDeposit)), Cod),
		"codcoin::MaxInputs" => (n32(param!(pallet_codcoin, MaxInputs)), Count),
		"codcoin::MaxOutputs" => (n32(param!(pallet_codcoin, MaxOutputs)), Count),
		"codcoin::MaxClaims" => (n32(param!(pallet_codcoin, MaxClaims)), Count),
		// Market
		"market::OfferDeposit" => (bal(param!(pallet_market, OfferDeposit)), Cod),
		"market::TradeDeposit" => (bal(param!(pallet_market, TradeDeposit)), Cod),
		"market::RegistrationDeposit" => (bal(param!(pallet_market, RegistrationDeposit)), Cod),
		"market::RecordDeposit" => (bal(param!(pallet_market, RecordDeposit)), Cod),
		"market::MaxOffersPerAccount" => (n32(param!(pallet_market, MaxOffersPerAccount)), Count),
		"market::MaxExpiringPerBlock" => (n32(param!(pallet_market, MaxExpiringPerBlock)), Count),
		"market::MaxRegistered" => (n32(param!(pallet_market, MaxRegistered)), Count),
		"market::MaxPaymentCoins" => (n32(param!(pallet_market, MaxPaymentCoins)), Count),
		"market::MAX_NAMED_COINS" => (n32(pallet_market::MAX_NAMED_COINS), Count),
		"market::MAX_UNIT_LEN" => (n32(pallet_market::MAX_UNIT_LEN), bytes),
		"market::SettlementPeriod" => (n32(param!(pallet_market, SettlementPeriod)), blocks),
		// Upkeep
		"upkeep::ContractDeposit" => (bal(param!(pallet_upkeep, ContractDeposit)), Cod),
		"upkeep::KeeperDeposit" => (bal(param!(pallet_upkeep, KeeperDeposit)), Cod),
		"upkeep::ProviderDeposit" => (bal(param!(pallet_upkeep, ProviderDeposit)), Cod),
		"upkeep::MaxKeepers" => (n32(param!(pallet_upkeep, MaxKeepers)), Count),
		"upkeep::MaxProviders" => (n32(param!(pallet_upkeep, MaxProviders)), Count),
		"upkeep::MaxHistory" => (n32(param!(pallet_upkeep, MaxHistory)), Count),
		"upkeep::MaxMaintenance" => (n32(param!(pallet_upkeep, MaxMaintenance)), Count),
		"upkeep::MaxMaintenanceLength" => {
			(n32(param!(pallet_upkeep, MaxMaintenanceLength)), blocks)
		},
		"upkeep::DEFAULT_TOLERANCE" => (bal(pallet_upkeep::DEFAULT_TOLERANCE), Count),
		// Joint tokens
		"jointtoken::KindDeposit" => (bal(param!(pallet_jointtoken, KindDeposit)), Cod),
		"jointtoken::ByteDeposit" => (bal(param!(pallet_jointtoken, ByteDeposit)), Cod),
		"jointtoken::EntryDeposit" => (bal(param!(pallet_jointtoken, EntryDeposit)), Cod),
		"jointtoken::RecordDeposit" => (bal(param!(pallet_jointtoken, RecordDeposit)), Cod),
		"jointtoken::MaxDocumentLen" => (n32(param!(pallet_jointtoken, MaxDocumentLen)), bytes),
		"jointtoken::MaxInputs" => (n32(param!(pallet_jointtoken, MaxInputs)), Count),
		"jointtoken::MaxOutputs" => (n32(param!(pallet_jointtoken, MaxOutputs)), Count),
		"jointtoken::MaxShares" => (n32(param!(pallet_jointtoken, MaxShares)), Count),
		"jointtoken::MaxItemLife" => (n32(param!(pallet_jointtoken, MaxItemLife)), blocks),
		"jointtoken::MaxItemsPerExpiry" => {
			(n32(param!(pallet_jointtoken, MaxItemsPerExpiry)), Count)
		},
		"jointtoken::MaxDuePerBlock" => (n32(param!(pallet_jointtoken, MaxDuePerBlock)), Count),
		"jointtoken::MaxLoansPerBorrower" => {
			(n32(param!(pallet_jointtoken, MaxLoansPerBorrower)), Count)
		},
		"jointtoken::MAX_NAME_LEN" => (n32(pallet_jointtoken::MAX_NAME_LEN), bytes),
		"jointtoken::MAX_SYMBOL_LEN" => (n32(pallet_jointtoken::MAX_SYMBOL_LEN), bytes),
		"jointtoken::MAX_SCHEDULES" => (n32(pallet_jointtoken::MAX_SCHEDULES), Count),
		"jointtoken::MAX_INSTALLMENTS" => (n32(pallet_jointtoken::MAX_INSTALLMENTS), Count),
		"jointtoken::MAX_REMARK_LEN" => (n32(pallet_jointtoken::MAX_REMARK_LEN), bytes),
		// CarChain
		"carchain::DeviceDeposit" => (bal(param!(pallet_carchain, DeviceDeposit)), Cod),
		"carchain::RecordDeposit" => (bal(param!(pallet_carchain, RecordDeposit)), Cod),
		"carchain::GrantDeposit" => (bal(param!(pallet_carchain, GrantDeposit)), Cod),
		"carchain::RegistrationDeposit" => (bal(param!(pallet_carchain, RegistrationDeposit)), Cod),
		"carchain::ComputationDeposit" => (bal(param!(pallet_carchain, ComputationDeposit)), Cod),
		"carchain::RequestDeposit" => (bal(param!(pallet_carchain, RequestDeposit)), Cod),
		"carchain::ApprovalDeposit" => (bal(param!(pallet_carchain, ApprovalDeposit)), Cod),
		"carchain::MinRecordLife" => (n32(param!(pallet_carchain, MinRecordLife)), blocks),
		"carchain::MaxRequestLife" => (n32(param!(pallet_carchain, MaxRequestLife)), blocks),
		"carchain::ResultRetention" => (n32(param!(pallet_carchain, ResultRetention)), blocks),
		"carchain::AgentEpoch" => (n32(param!(pallet_carchain, AgentEpoch)), blocks),
		"carchain::MinCohort" => (n32(param!(pallet_carchain, MinCohort)), Count),
		"carchain::MaxCohort" => (n32(param!(pallet_carchain, MaxCohort)), Count),
		"carchain::MaxApprovalRecords" => (n32(param!(pallet_carchain, MaxApprovalRecords)), Count),
		"carchain::MaxValueSize" => (n32(param!(pallet_carchain, MaxValueSize)), bytes),
		"carchain::MaxVidLen" => (n32(param!(pallet_carchain, MaxVidLen)), bytes),
		"carchain::MaxKeyLen" => (n32(param!(pallet_carchain, MaxKeyLen)), bytes),
		"carchain::MaxFormatLen" => (n32(param!(pallet_carchain, MaxFormatLen)), bytes),
		"carchain::MaxWrappedKeyLen" => (n32(param!(pallet_carchain, MaxWrappedKeyLen)), bytes),
		"carchain::MaxResultLen" => (n32(param!(pallet_carchain, MaxResultLen)), bytes),
		"carchain::MaxDevicesPerOwner" => (n32(param!(pallet_carchain, MaxDevicesPerOwner)), Count),
		"carchain::MaxComputations" => (n32(param!(pallet_carchain, MaxComputations)), Count),
		"carchain::TotalEmission" => (bal(param!(pallet_carchain, TotalEmission)), data),
		"carchain::RecordReward" => (bal(param!(pallet_carchain, RecordReward)), data),
		"carchain::AgentEpochBudget" => (bal(param!(pallet_carchain, AgentEpochBudget)), data),
		"data_token::ExistentialDeposit" => {
			(bal(<Runtime as pallet_balances::Config<DataToken>>::ExistentialDeposit::get()), data)
		},
		// Credit
		"credit::LineDeposit" => (bal(param!(pallet_credit, LineDeposit)), Cod),
		"credit::RoleLimitDeposit" => (bal(param!(pallet_credit, RoleLimitDeposit)), Cod),
		"credit::MaxHops" => (n32(param!(pallet_credit, MaxHops)), Count),
		"credit::MaxNetEdges" => (n32(param!(pallet_credit, MaxNetEdges)), Count),
		"credit::MaxPathSearch" => (n32(param!(pallet_credit, MaxPathSearch)), Count),
		"credit::Unit" => (std::mem::size_of::<pallet_credit::Unit>() as u128, bytes),
		// Organisations
		"orgs::OrgDeposit" => (bal(param!(pallet_orgs, OrgDeposit)), Cod),
		"orgs::MemberDeposit" => (bal(param!(pallet_orgs, MemberDeposit)), Cod),
		"orgs::NodeDeposit" => (bal(param!(pallet_orgs, NodeDeposit)), Cod),
		"orgs::MaxNameLen" => (n32(param!(pallet_orgs, MaxNameLen)), bytes),
		"orgs::MaxInfoLen" => (n32(param!(pallet_orgs, MaxInfoLen)), bytes),
		"orgs::MaxMembers" => (n32(param!(pallet_orgs, MaxMembers)), Count),
		// MiMei
		"mimei::ObjectDeposit" => (bal(param!(pallet_mimei, ObjectDeposit)), Cod),
		"mimei::VersionDeposit" => (bal(param!(pallet_mimei, VersionDeposit)), Cod),
		"mimei::RefDeposit" => (bal(param!(pallet_mimei, RefDeposit)), Cod),
		"mimei::MaxFieldLen" => (n32(param!(pallet_mimei, MaxFieldLen)), bytes),
		"mimei::MaxVersions" => (n32(param!(pallet_mimei, MaxVersions)), Count),
		// Pages of queries: public where the pallet's `queries` module is, else from the source.
		"timecoin::MAX_PAGE" => page("pallets/timecoin/src/queries.rs"),
		"codcoin::MAX_PAGE" => page("pallets/codcoin/src/queries.rs"),
		"market::MAX_PAGE" => page("pallets/market/src/queries.rs"),
		"upkeep::MAX_PAGE" => page("pallets/upkeep/src/queries.rs"),
		"carchain::MAX_PAGE" => (n32(pallet_carchain::queries::MAX_PAGE), Count),
		"credit::MAX_PAGE" => (n32(pallet_credit::queries::MAX_PAGE), Count),
		"orgs::MAX_PAGE" => (n32(pallet_orgs::queries::MAX_PAGE), Count),
		"mimei::MAX_PAGE" => (n32(pallet_mimei::queries::MAX_PAGE), Count),
		"node::DEFAULT_PAGE" => (source_const("node/src/rpc/mod.rs", "DEFAULT_PAGE"), Count),
		"node::MAX_RANGE_PAGE" => {
			(source_const("node/src/rpc/carchain.rs", "MAX_RANGE_PAGE"), Count)
		},
		"node::MAX_RANGE_BYTES" => {
			(source_const("node/src/rpc/carchain.rs", "MAX_RANGE_BYTES"), bytes)
		},
		"sdk::PAGE" => (source_const("clients/sdk/src/coins.rs", "PAGE"), Count),
		_ => return None,
	})
}

/// The repository's root.
fn repo() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file of the repository, by its path from the root.
fn read(rel: &str) -> String {
	std::fs::read_to_string(repo().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

/// The value of `const NAME: T = VALUE;` in a source file: an integer (`_` separators allowed)
/// or `a << b`.
fn source_const(rel: &str, name: &str) -> u128 {
	let text = read(rel);
	let at = text
		.find(&format!("const {name}:"))
		.unwrap_or_else(|| panic!("{rel} defines the constant {name}"));
	let rest = &text[at..];
	let (eq, end) = (rest.find('=').expect("an initialiser"), rest.find(';').expect("a `;`"));
	let expr: String =
		rest[eq + 1..end].chars().filter(|c| !c.is_whitespace() && *c != '_').collect();
	let number = |s: &str| {
		s.parse::<u128>()
			.unwrap_or_else(|_| panic!("{rel}: {name} = {expr}: an integer or `a << b`"))
	};
	match expr.split_once("<<") {
		Some((a, b)) => number(a) << number(b),
		None => number(&expr),
	}
}

/// One row of a table of the doc that names a constant.
struct Row {
	/// Line number in the doc, from 1.
	line: usize,
	constant: String,
	/// The `Value` column, or the `Planck` column of a deposit table.
	value: u128,
	/// The `COD` column of a deposit table.
	cod: Option<String>,
	/// The `Unit` column of a limit table.
	unit: Option<String>,
	/// The `Set in` path.
	set_in: String,
	/// The `Error…` column.
	error: String,
}

fn cells(line: &str) -> Vec<String> {
	let inner = line.trim();
	let inner = inner.strip_prefix('|').unwrap_or(inner);
	let inner = inner.strip_suffix('|').unwrap_or(inner);
	inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn is_table_line(line: &str) -> bool {
	line.trim_start().starts_with('|')
}

fn is_separator(line: &str) -> bool {
	is_table_line(line)
		&& cells(line).iter().all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
}

/// The text of a cell that is exactly one code span.
fn code(cell: &str) -> Option<String> {
	let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
	(!inner.is_empty() && !inner.contains('`')).then(|| inner.to_string())
}

/// The code spans of a cell.
fn code_spans(cell: &str) -> impl Iterator<Item = &str> {
	cell.split('`').skip(1).step_by(2)
}

/// Every row of a table whose header has a `Constant` column.
fn rows(doc: &str) -> Vec<Row> {
	let lines: Vec<&str> = doc.lines().collect();
	let mut out = Vec::new();
	let mut header: Option<Vec<String>> = None;
	for (i, line) in lines.iter().enumerate() {
		let n = i + 1;
		if !is_table_line(line) {
			header = None;
			continue;
		}
		if is_separator(line) {
			continue;
		}
		if lines.get(i + 1).is_some_and(|next| is_separator(next)) {
			header = Some(cells(line));
			continue;
		}
		let Some(header) = &header else { continue };
		let column = |title: &str| header.iter().position(|h| h == title);
		let Some(constant) = column("Constant") else { continue };
		let row = cells(line);
		assert_eq!(row.len(), header.len(), "docs/LIMITS.md:{n}: a cell per column");
		let value = column("Planck")
			.or(column("Value"))
			.unwrap_or_else(|| panic!("docs/LIMITS.md:{n}: a Value or Planck column"));
		let set_in =
			column("Set in").unwrap_or_else(|| panic!("docs/LIMITS.md:{n}: a Set in column"));
		let error = header
			.iter()
			.position(|h| h.starts_with("Error"))
			.unwrap_or_else(|| panic!("docs/LIMITS.md:{n}: an Error column"));
		out.push(Row {
			line: n,
			constant: code(&row[constant])
				.unwrap_or_else(|| panic!("docs/LIMITS.md:{n}: the constant is one code span")),
			value: row[value].parse().unwrap_or_else(|_| {
				panic!("docs/LIMITS.md:{n}: {:?} is not a plain integer", row[value])
			}),
			cod: column("COD").map(|c| row[c].clone()),
			unit: column("Unit").map(|c| row[c].clone()),
			set_in: code(&row[set_in])
				.unwrap_or_else(|| panic!("docs/LIMITS.md:{n}: the Set in path is one code span")),
			error: row[error].clone(),
		});
	}
	out
}

/// Planck in a decimal COD figure such as `0.0544`.
fn planck_of(cod: &str) -> Option<u128> {
	let (int, frac) = cod.split_once('.').unwrap_or((cod, ""));
	let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
	if int.is_empty() || frac.len() > 12 || !digits(int) || !digits(frac) {
		return None;
	}
	let frac: u128 = if frac.is_empty() { 0 } else { format!("{frac:0<12}").parse().ok()? };
	int.parse::<u128>().ok()?.checked_mul(UNITS)?.checked_add(frac)
}

/// The source of each pallet whose errors the doc names as `Pallet.Variant`, by its name in
/// the runtime.
fn pallet_source(pallet: &str) -> Option<&'static str> {
	Some(match pallet {
		"Timecoin" => "pallets/timecoin/src/lib.rs",
		"Codcoin" => "pallets/codcoin/src/lib.rs",
		"Market" => "pallets/market/src/lib.rs",
		"Upkeep" => "pallets/upkeep/src/lib.rs",
		"JointToken" => "pallets/jointtoken/src/lib.rs",
		"CarChain" => "pallets/carchain/src/lib.rs",
		"Credit" => "pallets/credit/src/lib.rs",
		"Orgs" => "pallets/orgs/src/lib.rs",
		"MiMei" => "pallets/mimei/src/lib.rs",
		_ => return None,
	})
}

/// The variants of the enum that `start` (e.g. `pub enum Error<T> {`) opens in a source file.
fn variants(rel: &str, start: &str) -> BTreeSet<String> {
	let text = read(rel);
	let at = text.find(start).unwrap_or_else(|| panic!("{rel} declares `{start}`"));
	text[at + start.len()..]
		.lines()
		.map(str::trim)
		.take_while(|l| *l != "}")
		.filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with('#'))
		.map(|l| l.split([',', '(', ' ', '{']).next().unwrap_or_default().to_string())
		.collect()
}

/// What is wrong with the errors a row names, for the pallets of this repository.
fn error_problems(row: &Row) -> Vec<String> {
	let mut problems = Vec::new();
	for span in code_spans(&row.error) {
		let parts: Vec<&str> = span.split('.').collect();
		let Some(rel) = pallet_source(parts[0]) else { continue };
		let known = variants(rel, "pub enum Error<T> {");
		let ok = match parts.as_slice() {
			[_, variant] => known.contains(*variant),
			[_, "Ledger", inner] => {
				known.contains("Ledger")
					&& variants("pallets/utxo-core/src/error.rs", "pub enum LedgerError {")
						.contains(*inner)
			},
			_ => false,
		};
		if !ok {
			problems
				.push(format!("docs/LIMITS.md:{}: `{span}` is not an error of {rel}", row.line));
		}
	}
	problems
}

/// What is wrong with one row.
fn row_problems(row: &Row) -> Vec<String> {
	let at = format!("docs/LIMITS.md:{} `{}`", row.line, row.constant);
	let mut problems = Vec::new();
	if !KNOWN.contains(&row.constant.as_str()) {
		problems.push(format!("{at}: a constant this test does not know; add it to KNOWN"));
		return problems;
	}
	let Some((value, kind)) = expected(&row.constant) else {
		problems.push(format!("{at}: in KNOWN but not in expected()"));
		return problems;
	};
	if row.value != value {
		problems.push(format!("{at}: the doc says {}, the runtime {value}", row.value));
	}
	match (kind, &row.cod, &row.unit) {
		(Cod, Some(cod), _) => {
			if planck_of(cod) != Some(row.value) {
				problems.push(format!("{at}: {cod} COD is not {} planck", row.value));
			}
		},
		(Cod, None, _) => problems.push(format!("{at}: a COD amount, for a deposit table")),
		(_, Some(_), _) => problems.push(format!("{at}: not a COD amount, for a limit table")),
		(_, None, None) => problems.push(format!("{at}: a limit table needs a Unit column")),
		(In(unit), None, Some(said)) => {
			if said != unit {
				problems.push(format!("{at}: the unit is {unit}, not {said:?}"));
			}
		},
		(Count, None, Some(said)) => {
			if said.is_empty() {
				problems.push(format!("{at}: say what is counted in the Unit column"));
			}
		},
	}
	if row.set_in.starts_with('/') || !repo().join(&row.set_in).is_file() {
		problems.push(format!("{at}: Set in `{}` is no file of the repository", row.set_in));
	}
	problems.extend(error_problems(row));
	problems
}

#[test]
fn the_limits_in_the_doc_are_the_runtimes() {
	let doc = read("docs/LIMITS.md");
	let rows = rows(&doc);
	// The market's settlement period is a storage parameter: on empty storage it reads its
	// default, as on a new chain.
	sp_io::TestExternalities::default().execute_with(|| {
		let mut problems: Vec<String> = rows.iter().flat_map(row_problems).collect();
		let named: BTreeSet<&str> = rows.iter().map(|r| r.constant.as_str()).collect();
		for name in KNOWN {
			if expected(name).is_none() {
				problems.push(format!("`{name}` is in KNOWN but not in expected()"));
			}
			if !named.contains(name) {
				problems.push(format!("docs/LIMITS.md does not state `{name}`"));
			}
		}
		assert!(problems.is_empty(), "docs/LIMITS.md is out of step:\n{}", problems.join("\n"));
	});
}

#[test]
fn the_doc_quotes_the_settlement_periods_storage_key() {
	let doc = read("docs/LIMITS.md");
	let key: String = MarketSettlementPeriod::key().iter().map(|b| format!("{b:02x}")).collect();
	assert!(doc.contains(&format!("0x{key}")), "docs/LIMITS.md quotes the key 0x{key}");
}

#[test]
fn the_doc_names_no_path_of_a_machine() {
	let doc = read("docs/LIMITS.md");
	for prefix in ["/home/", "/work/", "/Users/", "/root/", "/tmp/", "C:\\"] {
		assert!(!doc.contains(prefix), "docs/LIMITS.md names a path under {prefix}");
	}
}
