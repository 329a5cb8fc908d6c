//! Credit (Leither, SPEC §9.1): every call of `pallet-credit`, the bytes a borrower signs for
//! an IOU, and the `CreditApi` queries, the path finder included.

use codec::Encode;
use subxt::transactions::StaticPayload;

use crate::{
	address,
	error::Error,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	AccountId, Client, Keypair, H256,
};

use runtime::credit::calls as call;
pub use runtime::runtime_types::pallet_credit::types::{
	Increase, Iou, LineView, NetEdge, ProposalView, Role, Side, Terms, Unit,
};

pub type Line = LineView<AccountId, u128, u32, u32>;
pub type Proposal = ProposalView<AccountId, u128, u32>;
/// An organisation's id.
pub type OrgId = u32;

/// The pallet's domain tag of a signed IOU.
pub const IOU_TAG: &[u8; 16] = b"codchain/cr/iou ";
/// Items per page of list queries.
const PAGE: u32 = 100;

fn tx() -> runtime::credit::calls::api::TransactionApi {
	runtime::tx().credit()
}

fn api() -> runtime::runtime_apis::credit_api::CreditApi {
	runtime::runtime_apis().credit_api()
}

/// The unit of `symbol` (1 to 8 characters `A-Z`, `0-9`, `_`, `-`).
pub fn unit(symbol: &str) -> Result<Unit, Error> {
	let bytes = symbol.as_bytes();
	let ok = !bytes.is_empty()
		&& bytes.len() <= 8
		&& bytes
			.iter()
			.all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_' || *b == b'-');
	if !ok {
		return Err(Error::Input(format!("{symbol:?} is not a unit: 1 to 8 of A-Z 0-9 _ -")));
	}
	let mut raw = [0u8; 8];
	raw[..bytes.len()].copy_from_slice(bytes);
	Ok(Unit(raw))
}

/// A unit's symbol.
pub fn symbol(unit: &Unit) -> String {
	String::from_utf8_lossy(unit.0.split(|b| *b == 0).next().unwrap_or_default()).into_owned()
}

/// Terms of a line: a limit, and optionally `step` more every `every` blocks up to `cap`.
pub fn terms(limit: u128, increase: Option<(u128, u32, u128)>) -> Terms<u32> {
	Terms { limit, increase: increase.map(|(step, every, cap)| Increase { step, every, cap }) }
}

/// What `borrower` signs for `iou`, byte for byte what the pallet checks.
pub fn iou_payload(genesis: H256, iou: &Iou<AccountId>) -> Vec<u8> {
	(IOU_TAG, genesis, iou).encode()
}

/// An IOU signed by `borrower` for line `line` (its id) at `nonce`.
pub fn signed_iou(
	genesis: H256,
	borrower: &Keypair,
	lender: AccountId,
	unit: Unit,
	line: u64,
	amount: u128,
	nonce: u64,
) -> (Iou<AccountId>, subxt::utils::MultiSignature) {
	let iou = Iou { lender, borrower: borrower.account_id(), unit, line, amount, nonce };
	let signature = borrower.sign(&iou_payload(genesis, &iou));
	(iou, signature)
}

// Calls.

pub fn propose_line(
	counterparty: &AccountId,
	unit: Unit,
	side: Side,
	terms: Terms<u32>,
	as_org: Option<OrgId>,
) -> StaticPayload<call::ProposeLine> {
	tx().propose_line(address(counterparty), unit, side, terms, as_org)
}

pub fn accept_line(
	counterparty: &AccountId,
	unit: Unit,
	side: Side,
	terms: Terms<u32>,
	as_org: Option<OrgId>,
) -> StaticPayload<call::AcceptLine> {
	tx().accept_line(address(counterparty), unit, side, terms, as_org)
}

pub fn withdraw_proposal(
	counterparty: &AccountId,
	unit: Unit,
	side: Side,
	as_org: Option<OrgId>,
) -> StaticPayload<call::WithdrawProposal> {
	tx().withdraw_proposal(address(counterparty), unit, side, as_org)
}

pub fn reject_proposal(
	counterparty: &AccountId,
	unit: Unit,
	side: Side,
	as_org: Option<OrgId>,
) -> StaticPayload<call::RejectProposal> {
	tx().reject_proposal(address(counterparty), unit, side, as_org)
}

pub fn set_terms(
	grantee: &AccountId,
	unit: Unit,
	terms: Terms<u32>,
	as_org: Option<OrgId>,
) -> StaticPayload<call::SetTerms> {
	tx().set_terms(address(grantee), unit, terms, as_org)
}

pub fn revoke_line(
	grantee: &AccountId,
	unit: Unit,
	as_org: Option<OrgId>,
) -> StaticPayload<call::RevokeLine> {
	tx().revoke_line(address(grantee), unit, as_org)
}

pub fn close_line(
	grantor: &AccountId,
	unit: Unit,
	as_org: Option<OrgId>,
) -> StaticPayload<call::CloseLine> {
	tx().close_line(address(grantor), unit, as_org)
}

pub fn issue_iou(
	lender: &AccountId,
	unit: Unit,
	amount: u128,
	as_org: Option<OrgId>,
) -> StaticPayload<call::IssueIou> {
	tx().issue_iou(address(lender), unit, amount, as_org)
}

pub fn submit_iou(
	iou: Iou<AccountId>,
	signature: subxt::utils::MultiSignature,
) -> StaticPayload<call::SubmitIou> {
	tx().submit_iou(iou, signature)
}

pub fn accept_repayment(
	borrower: &AccountId,
	unit: Unit,
	amount: u128,
	as_org: Option<OrgId>,
) -> StaticPayload<call::AcceptRepayment> {
	tx().accept_repayment(address(borrower), unit, amount, as_org)
}

/// Pays `amount` along `route` (the accounts after the payer, the payee last).
pub fn pay(
	route: Vec<AccountId>,
	unit: Unit,
	amount: u128,
	as_org: Option<OrgId>,
) -> StaticPayload<call::Pay> {
	tx().pay(BoundedVec(route), unit, amount, as_org)
}

/// Nets debts `(lender, borrower, amount)`; accepted only when no position moves.
pub fn net(unit: Unit, edges: Vec<(AccountId, AccountId, u128)>) -> StaticPayload<call::Net> {
	let edges = edges
		.into_iter()
		.map(|(lender, borrower, amount)| NetEdge { lender, borrower, amount })
		.collect();
	tx().net(unit, BoundedVec(edges))
}

pub fn set_role_limit(
	org: OrgId,
	unit: Unit,
	role: Role,
	limit: Option<u128>,
) -> StaticPayload<call::SetRoleLimit> {
	tx().set_role_limit(org, unit, role, limit)
}

pub fn open_org_line(org: OrgId, unit: Unit) -> StaticPayload<call::OpenOrgLine> {
	tx().open_org_line(org, unit)
}

// Queries, at the best block.

pub async fn line(
	client: &Client,
	grantor: &AccountId,
	grantee: &AccountId,
	unit: Unit,
) -> Result<Option<Line>, Error> {
	client.query(api().line(*grantor, *grantee, unit)).await
}

/// Every line of `who` on `side`.
pub async fn lines_of(client: &Client, who: &AccountId, side: Side) -> Result<Vec<Line>, Error> {
	let mut all: Vec<Line> = Vec::new();
	loop {
		let after = all.last().map(|l| {
			(if matches!(side, Side::Grantor) { l.grantee } else { l.grantor }, l.unit.clone())
		});
		let page = client.query(api().lines_of(*who, side.clone(), after, PAGE)).await?;
		let more = page.len() as u32 == PAGE;
		all.extend(page);
		if !more {
			return Ok(all);
		}
	}
}

/// Every proposal for a line where `who` is on `side`.
pub async fn proposals_of(
	client: &Client,
	who: &AccountId,
	side: Side,
) -> Result<Vec<Proposal>, Error> {
	let mut all: Vec<Proposal> = Vec::new();
	loop {
		let after = all.last().map(|p| {
			let other = if p.proposer == *who { p.recipient } else { p.proposer };
			(other, p.unit.clone())
		});
		let page = client.query(api().proposals_of(*who, side.clone(), after, PAGE)).await?;
		let more = page.len() as u32 == PAGE;
		all.extend(page);
		if !more {
			return Ok(all);
		}
	}
}

pub async fn capacity(
	client: &Client,
	from: &AccountId,
	to: &AccountId,
	unit: Unit,
) -> Result<u128, Error> {
	client.query(api().capacity(*from, *to, unit)).await
}

/// A route for paying `amount` from `from` to `to`, fewest hops first.
pub async fn find_path(
	client: &Client,
	from: &AccountId,
	to: &AccountId,
	unit: Unit,
	amount: u128,
) -> Result<Option<Vec<AccountId>>, Error> {
	client.query(api().find_path(*from, *to, unit, amount)).await
}

pub async fn role_limits(client: &Client, org: OrgId) -> Result<Vec<(Unit, Role, u128)>, Error> {
	client.query(api().role_limits(org)).await
}

/// A signature as `0x` and the hex of its SCALE encoding (its scheme first), for an IOU passed
/// from borrower to lender.
pub fn signature_hex(signature: &subxt::utils::MultiSignature) -> String {
	format!("0x{}", hex::encode(signature.encode()))
}

/// The signature [`signature_hex`] wrote.
pub fn signature_from_hex(s: &str) -> Result<subxt::utils::MultiSignature, Error> {
	let bytes = hex::decode(s.trim_start_matches("0x"))
		.map_err(|_| Error::Input("the signature is not hex".into()))?;
	codec::Decode::decode(&mut &bytes[..])
		.map_err(|_| Error::Input("the signature does not decode".into()))
}
