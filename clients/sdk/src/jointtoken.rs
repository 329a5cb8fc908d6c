//! Joint tokens (SPEC §5): kinds defined by their rules, items signed by several keys of any
//! scheme, the exchange desk, presales and loans — every call, the item builders, and every
//! query and dry run of the `JointTokenApi` runtime API.

use crate::{
	address,
	error::Error,
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec, sp_arithmetic::per_things::Perbill,
		},
	},
	AccountId, Client, Keypair, H256,
};
use codec::Encode;
use subxt::transactions::StaticPayload;

use runtime::joint_token::calls as call;
pub use runtime::runtime_types::pallet_jointtoken::{
	queries::NextIssue,
	types::{
		Beneficiary, Distribution, Entry, ExchangeLeg, Item, ItemData, ItemOutcome, KindDetails,
		Loan, Mode, Part, Preorder, Presale, Price, Prices, Quote, Rules, Schedule, Unplanned,
	},
};

/// Id of a kind: `blake2_256` of its SCALE-encoded rules.
pub type JtId = H256;
pub type KindRules = Rules<AccountId, u32>;
pub type Kind = KindDetails<AccountId, u32, u128>;
pub type JtItem = Item<AccountId, u32, subxt::utils::MultiSignature>;
pub type JtItemData = ItemData<AccountId, u32>;
pub type Rule = Distribution<AccountId, u32>;
pub type JtLoan = Loan<AccountId, u32, u128>;
pub type JtPresale = Presale<AccountId, u32, u128>;

/// Opens the message every item signer signs (the pallet's `ITEM_TAG`).
pub const ITEM_TAG: &[u8] = b"codchain/jt-item/v1";

fn tx() -> runtime::joint_token::calls::api::TransactionApi {
	runtime::tx().joint_token()
}

/// Parts per hundred as the chain's `Perbill`.
pub fn percent(p: u32) -> Perbill {
	Perbill(p.min(100).saturating_mul(10_000_000))
}

/// A kind's id: what the chain computes from the same rules.
pub fn kind_id(rules: &KindRules) -> JtId {
	H256::from(sp_crypto_hashing::blake2_256(&rules.encode()))
}

/// An automatic account's id: `blake2_256` of its SCALE-encoded rule.
pub fn distribution_id(rule: &Rule) -> H256 {
	H256::from(sp_crypto_hashing::blake2_256(&rule.encode()))
}

/// The id of an item's data on the chain `genesis`: the message each signer signs and the
/// item's replay key.
pub fn item_id(genesis: H256, data: &JtItemData) -> H256 {
	H256::from(sp_crypto_hashing::blake2_256(&(ITEM_TAG, genesis.0, data).encode()))
}

/// Signs `data` by each of `signers`, in order: one signature per input of a transfer or
/// destroy, the two payers of an exchange.
pub fn sign_item(genesis: H256, data: JtItemData, signers: &[&Keypair]) -> JtItem {
	let id = item_id(genesis, &data);
	let sigs = signers.iter().map(|k| k.sign(&id.0)).collect();
	Item { data, sigs: BoundedVec(sigs) }
}

/// An item that needs no signature (issue, alloc).
pub fn unsigned_item(data: JtItemData) -> JtItem {
	Item { data, sigs: BoundedVec(Vec::new()) }
}

fn parts(list: &[(AccountId, u128)]) -> BoundedVec<Part<AccountId>> {
	BoundedVec(
		list.iter().map(|(account, amount)| Part { account: *account, amount: *amount }).collect(),
	)
}

/// A transfer's data: inputs pay outputs; `total` is their common sum.
pub fn transfer_data(
	jtid: JtId,
	inputs: &[(AccountId, u128)],
	outputs: &[(AccountId, u128)],
	expires: u32,
	remark: &[u8],
) -> JtItemData {
	ItemData::Transfer {
		jtid,
		inputs: parts(inputs),
		outputs: parts(outputs),
		total: outputs.iter().map(|(_, a)| a).sum(),
		expires,
		remark: BoundedVec(remark.to_vec()),
	}
}

/// A destroy's data: holders burn their tokens.
pub fn destroy_data(jtid: JtId, inputs: &[(AccountId, u128)], expires: u32) -> JtItemData {
	ItemData::Destroy {
		jtid,
		inputs: parts(inputs),
		total: inputs.iter().map(|(_, a)| a).sum(),
		expires,
	}
}

/// One side of an exchange: `payer` pays `outputs` in kind `jtid`.
pub fn exchange_leg(
	jtid: JtId,
	payer: AccountId,
	outputs: &[(AccountId, u128)],
) -> ExchangeLeg<AccountId> {
	ExchangeLeg {
		jtid,
		payer,
		outputs: parts(outputs),
		total: outputs.iter().map(|(_, a)| a).sum(),
	}
}

pub fn exchange_data(
	a: ExchangeLeg<AccountId>,
	b: ExchangeLeg<AccountId>,
	expires: u32,
) -> JtItemData {
	ItemData::Exchange { a, b, expires }
}

// Calls.

/// Create the kind `rules` define; the signer must be the rules' deployer.
pub fn create_kind(rules: KindRules) -> StaticPayload<call::CreateKind> {
	tx().create_kind(rules)
}

pub fn appoint_trustee(
	jtid: JtId,
	trustee: Option<&AccountId>,
) -> StaticPayload<call::AppointTrustee> {
	tx().appoint_trustee(jtid, trustee.map(address))
}

pub fn set_prices(jtid: JtId, prices: Prices) -> StaticPayload<call::SetPrices> {
	tx().set_prices(jtid, prices)
}

pub fn submit(item: JtItem) -> StaticPayload<call::Submit> {
	tx().submit(item)
}

pub fn register_automatic(rule: Rule) -> StaticPayload<call::RegisterAutomatic> {
	tx().register_automatic(rule)
}

/// Buy at the desk for `cod` planck, at least `min_jt` tokens.
pub fn buy(jtid: JtId, cod: u128, min_jt: u128) -> StaticPayload<call::Buy> {
	tx().buy(jtid, cod, min_jt)
}

pub fn declare_ordinary(jtid: JtId) -> StaticPayload<call::DeclareOrdinary> {
	tx().declare_ordinary(jtid)
}

pub fn revoke_ordinary(jtid: JtId) -> StaticPayload<call::RevokeOrdinary> {
	tx().revoke_ordinary(jtid)
}

pub fn pay_tutoring(
	jtid: JtId,
	mentor: &AccountId,
	amount: u128,
) -> StaticPayload<call::PayTutoring> {
	tx().pay_tutoring(jtid, address(mentor), amount)
}

/// The terms of a presale.
#[derive(Clone, Debug)]
pub struct PresaleTerms {
	pub price: u128,
	pub units: u32,
	pub goal: u32,
	pub opens: u32,
	pub closes: u32,
	pub deliver_by: u32,
	pub product: H256,
}

pub fn open_presale(jtid: JtId, t: PresaleTerms) -> StaticPayload<call::OpenPresale> {
	tx().open_presale(jtid, t.price, t.units, t.goal, t.opens, t.closes, t.deliver_by, t.product)
}

pub fn preorder(presale: u64, units: u32) -> StaticPayload<call::Preorder> {
	tx().preorder(presale, units)
}

pub fn mark_delivered(presale: u64, buyer: &AccountId) -> StaticPayload<call::MarkDelivered> {
	tx().mark_delivered(presale, address(buyer))
}

pub fn confirm_delivery(presale: u64) -> StaticPayload<call::ConfirmDelivery> {
	tx().confirm_delivery(presale)
}

pub fn settle_preorder(presale: u64, buyer: &AccountId) -> StaticPayload<call::SettlePreorder> {
	tx().settle_preorder(presale, address(buyer))
}

pub fn close_presale(presale: u64) -> StaticPayload<call::ClosePresale> {
	tx().close_presale(presale)
}

/// Apply for `amount`, repaid with `interest_percent` in `installments` parts every `every`
/// blocks.
pub fn apply_loan(
	jtid: JtId,
	amount: u128,
	installments: u32,
	every: u32,
	interest_percent: u32,
) -> StaticPayload<call::ApplyLoan> {
	tx().apply_loan(jtid, amount, installments, every, percent(interest_percent))
}

pub fn fund_loan(loan: u64, from_incubation: bool) -> StaticPayload<call::FundLoan> {
	tx().fund_loan(loan, from_incubation)
}

pub fn repay(loan: u64, amount: u128) -> StaticPayload<call::Repay> {
	tx().repay(loan, amount)
}

pub fn cancel_loan(loan: u64) -> StaticPayload<call::CancelLoan> {
	tx().cancel_loan(loan)
}

pub fn close_entry(jtid: JtId, who: &AccountId) -> StaticPayload<call::CloseEntry> {
	tx().close_entry(jtid, address(who))
}

pub fn remove_kind(jtid: JtId) -> StaticPayload<call::RemoveKind> {
	tx().remove_kind(jtid)
}

pub fn deregister_automatic(account: &AccountId) -> StaticPayload<call::DeregisterAutomatic> {
	tx().deregister_automatic(address(account))
}

pub fn remove_mentor(jtid: JtId, mentor: &AccountId) -> StaticPayload<call::RemoveMentor> {
	tx().remove_mentor(jtid, address(mentor))
}

// Queries and dry runs, at the best block.

fn api() -> runtime::runtime_apis::joint_token_api::JointTokenApi {
	runtime::runtime_apis().joint_token_api()
}

/// A runtime result's error, named as the chain names it.
async fn refused<T>(
	client: &Client,
	r: Result<T, runtime::runtime_types::sp_runtime::DispatchError>,
) -> Result<T, Error> {
	match r {
		Ok(v) => Ok(v),
		Err(e) => Err(client.rejected(e).await),
	}
}

/// A kind's rules and state.
pub async fn kind(client: &Client, jtid: JtId) -> Result<Option<(KindRules, Kind)>, Error> {
	client.query(api().kind(jtid)).await
}

/// The id the chain computes for `rules`.
pub async fn check_rules(client: &Client, rules: KindRules) -> Result<JtId, Error> {
	client.query(api().check_rules(rules)).await
}

/// A kind's keyless root and incubation-fund accounts.
pub async fn accounts(client: &Client, jtid: JtId) -> Result<(AccountId, AccountId), Error> {
	client.query(api().accounts(jtid)).await
}

pub async fn entry(
	client: &Client,
	jtid: JtId,
	who: &AccountId,
) -> Result<Option<Entry<AccountId, u128>>, Error> {
	client.query(api().entry(jtid, *who)).await
}

/// `who`'s free tokens of a kind.
pub async fn balance(client: &Client, jtid: JtId, who: &AccountId) -> Result<u128, Error> {
	Ok(entry(client, jtid, who).await?.map_or(0, |e| e.free))
}

/// The chain's id of an item (to check [`item_id`] against).
pub async fn chain_item_id(client: &Client, item: JtItem) -> Result<H256, Error> {
	client.query(api().item_id(item)).await
}

/// What `item` would do if `who` submitted it now, or the chain's error for it.
pub async fn simulate_item(
	client: &Client,
	who: &AccountId,
	item: JtItem,
) -> Result<ItemOutcome, Error> {
	let r = client.query(api().simulate_item(*who, item)).await?;
	refused(client, r).await
}

pub async fn quote(client: &Client, jtid: JtId, cod: u128) -> Result<Quote, Error> {
	let r = client.query(api().quote(jtid, cod)).await?;
	refused(client, r).await
}

pub async fn simulate_buy(
	client: &Client,
	who: &AccountId,
	jtid: JtId,
	cod: u128,
) -> Result<Quote, Error> {
	let r = client.query(api().simulate_buy(*who, jtid, cod)).await?;
	refused(client, r).await
}

/// The next alloc of an automatic account, as an item anyone may submit.
pub async fn next_alloc(client: &Client, jtid: JtId, account: &AccountId) -> Result<JtItem, Error> {
	let r = client.query(api().expected_alloc(jtid, *account)).await?;
	let (period, outputs) = refused(client, r).await?;
	Ok(unsigned_item(ItemData::Alloc {
		jtid,
		account: *account,
		period,
		outputs: BoundedVec(outputs),
	}))
}

/// The next issue of planned schedule `schedule`, as an item anyone may submit once due (its
/// `due` block), or `None` when the schedule is done.
pub async fn next_issue(
	client: &Client,
	jtid: JtId,
	schedule: u8,
) -> Result<Option<(u32, JtItem)>, Error> {
	let Some(n) = client.query(api().next_issue(jtid, schedule)).await? else { return Ok(None) };
	let data = ItemData::Issue { jtid, schedule, period: n.period, to: n.to, amount: n.amount };
	Ok(Some((n.due, unsigned_item(data))))
}

/// An automatic account's id, on-chain account, and whether it is registered.
pub async fn automatic(client: &Client, rule: Rule) -> Result<(H256, AccountId, bool), Error> {
	client.query(api().automatic(rule)).await
}

/// Whether `who` is an ordinary user, and whether a mentor, of a kind.
pub async fn user(client: &Client, jtid: JtId, who: &AccountId) -> Result<(bool, bool), Error> {
	client.query(api().user(jtid, *who)).await
}

pub async fn presale(client: &Client, id: u64) -> Result<Option<JtPresale>, Error> {
	client.query(api().presale(id)).await
}

pub async fn preorder_of(
	client: &Client,
	id: u64,
	buyer: &AccountId,
) -> Result<Option<Preorder<u128>>, Error> {
	client.query(api().preorder(id, *buyer)).await
}

pub async fn loan(client: &Client, id: u64) -> Result<Option<JtLoan>, Error> {
	client.query(api().loan(id)).await
}

pub async fn loans_of(
	client: &Client,
	jtid: JtId,
	borrower: &AccountId,
) -> Result<Vec<(u64, JtLoan)>, Error> {
	client.query(api().loans_of(jtid, *borrower)).await
}
