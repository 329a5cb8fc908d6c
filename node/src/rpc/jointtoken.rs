//! `jointtoken_*` JSON-RPC methods: thin wrappers over `JointTokenApi` at the best (or a
//! given) block. Dry runs of items take SCALE; clients call the runtime API for them.

use std::sync::Arc;

use codchain_runtime::{
	opaque::Block, AccountId, Balance, BlockNumber, JtDistribution, JtItem, JtRules,
};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_jointtoken_runtime_api::{
	Amount, Entry, JointTokenApi as RuntimeApi, JtId, KindDetails, Loan, LoanId, NextIssue, Part,
	Preorder, Presale, PresaleId, Quote,
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;

use super::{runtime_error, Hash};

/// A kind as `jointtoken_kind` returns it: its rules, its state, its keyless accounts, and
/// whether the stored rules hash to the id asked for.
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KindView {
	pub rules: JtRules,
	pub details: KindDetails<AccountId, BlockNumber, Balance>,
	pub root: AccountId,
	pub incubation: AccountId,
	pub rules_match_id: bool,
}

/// The next alloc of an automatic account.
#[derive(Clone, Serialize, Deserialize)]
pub struct AllocView {
	pub period: u32,
	pub outputs: Vec<Part<AccountId>>,
}

#[rpc(client, server)]
pub trait JointTokenApi {
	/// A kind's rules and state, or `null`.
	#[method(name = "jointtoken_kind")]
	fn kind(&self, jtid: JtId, at: Option<Hash>) -> RpcResult<Option<KindView>>;

	/// `who`'s ledger entry (free and market-escrowed tokens), or `null`.
	#[method(name = "jointtoken_entry")]
	fn entry(
		&self,
		jtid: JtId,
		who: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<Entry<AccountId, Balance>>>;

	/// What buying at the desk for `cod` COD (a decimal string) gives now.
	#[method(name = "jointtoken_quote")]
	fn quote(&self, jtid: JtId, cod: String, at: Option<Hash>) -> RpcResult<Quote>;

	/// The period and outputs of an automatic account's next alloc.
	#[method(name = "jointtoken_expectedAlloc")]
	fn expected_alloc(
		&self,
		jtid: JtId,
		account: AccountId,
		at: Option<Hash>,
	) -> RpcResult<AllocView>;

	/// The next issue item of planned schedule `schedule`, or `null` when it is done.
	#[method(name = "jointtoken_nextIssue")]
	fn next_issue(
		&self,
		jtid: JtId,
		schedule: u8,
		at: Option<Hash>,
	) -> RpcResult<Option<NextIssue<AccountId, BlockNumber>>>;

	/// Whether `who` is an ordinary user and whether a mentor of a kind.
	#[method(name = "jointtoken_user")]
	fn user(&self, jtid: JtId, who: AccountId, at: Option<Hash>) -> RpcResult<(bool, bool)>;

	#[method(name = "jointtoken_presale")]
	fn presale(
		&self,
		id: PresaleId,
		at: Option<Hash>,
	) -> RpcResult<Option<Presale<AccountId, BlockNumber, Balance>>>;

	#[method(name = "jointtoken_preorder")]
	fn preorder(
		&self,
		id: PresaleId,
		buyer: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<Preorder<Balance>>>;

	#[method(name = "jointtoken_loan")]
	fn loan(
		&self,
		id: LoanId,
		at: Option<Hash>,
	) -> RpcResult<Option<Loan<AccountId, BlockNumber, Balance>>>;

	/// Open loans of a borrower in a kind.
	#[method(name = "jointtoken_loansOf")]
	fn loans_of(
		&self,
		jtid: JtId,
		borrower: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<(LoanId, Loan<AccountId, BlockNumber, Balance>)>>;
}

/// Serves `jointtoken_*` from a client's runtime API.
pub struct JointToken<C> {
	client: Arc<C>,
}

impl<C> JointToken<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C: HeaderBackend<Block>> JointToken<C> {
	fn at(&self, at: Option<Hash>) -> RpcResult<Hash> {
		super::block_at(&*self.client, at)
	}
}

/// A runtime call that returned a dispatch error, as an RPC error naming it.
fn dispatch_error(e: sp_runtime::DispatchError) -> jsonrpsee::types::ErrorObjectOwned {
	jsonrpsee::types::ErrorObject::owned(
		super::codes::REFUSED,
		"refused by the runtime",
		Some(format!("{e:?}")),
	)
}

fn amount(s: &str) -> RpcResult<Amount> {
	s.parse().map_err(|_| {
		jsonrpsee::types::ErrorObject::owned(-32602, "not a decimal amount", Some(s.to_string()))
	})
}

impl<C> JointTokenApiServer for JointToken<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RuntimeApi<Block, AccountId, Balance, BlockNumber, JtRules, JtItem, JtDistribution>,
{
	fn kind(&self, jtid: JtId, at: Option<Hash>) -> RpcResult<Option<KindView>> {
		let at = self.at(at)?;
		let api = self.client.runtime_api();
		let Some((rules, details)) = api.kind(at, jtid).map_err(runtime_error)? else {
			return Ok(None);
		};
		let checked = api.check_rules(at, rules.clone()).map_err(runtime_error)?;
		let (root, incubation) = api.accounts(at, jtid).map_err(runtime_error)?;
		Ok(Some(KindView { rules, details, root, incubation, rules_match_id: checked == jtid }))
	}

	fn entry(
		&self,
		jtid: JtId,
		who: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<Entry<AccountId, Balance>>> {
		self.client.runtime_api().entry(self.at(at)?, jtid, who).map_err(runtime_error)
	}

	fn quote(&self, jtid: JtId, cod: String, at: Option<Hash>) -> RpcResult<Quote> {
		let cod = amount(&cod)?;
		self.client
			.runtime_api()
			.quote(self.at(at)?, jtid, cod)
			.map_err(runtime_error)?
			.map_err(dispatch_error)
	}

	fn expected_alloc(
		&self,
		jtid: JtId,
		account: AccountId,
		at: Option<Hash>,
	) -> RpcResult<AllocView> {
		let (period, outputs) = self
			.client
			.runtime_api()
			.expected_alloc(self.at(at)?, jtid, account)
			.map_err(runtime_error)?
			.map_err(dispatch_error)?;
		Ok(AllocView { period, outputs })
	}

	fn next_issue(
		&self,
		jtid: JtId,
		schedule: u8,
		at: Option<Hash>,
	) -> RpcResult<Option<NextIssue<AccountId, BlockNumber>>> {
		self.client.runtime_api().next_issue(self.at(at)?, jtid, schedule).map_err(runtime_error)
	}

	fn user(&self, jtid: JtId, who: AccountId, at: Option<Hash>) -> RpcResult<(bool, bool)> {
		self.client.runtime_api().user(self.at(at)?, jtid, who).map_err(runtime_error)
	}

	fn presale(
		&self,
		id: PresaleId,
		at: Option<Hash>,
	) -> RpcResult<Option<Presale<AccountId, BlockNumber, Balance>>> {
		self.client.runtime_api().presale(self.at(at)?, id).map_err(runtime_error)
	}

	fn preorder(
		&self,
		id: PresaleId,
		buyer: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Option<Preorder<Balance>>> {
		self.client.runtime_api().preorder(self.at(at)?, id, buyer).map_err(runtime_error)
	}

	fn loan(
		&self,
		id: LoanId,
		at: Option<Hash>,
	) -> RpcResult<Option<Loan<AccountId, BlockNumber, Balance>>> {
		self.client.runtime_api().loan(self.at(at)?, id).map_err(runtime_error)
	}

	fn loans_of(
		&self,
		jtid: JtId,
		borrower: AccountId,
		at: Option<Hash>,
	) -> RpcResult<Vec<(LoanId, Loan<AccountId, BlockNumber, Balance>)>> {
		self.client.runtime_api().loans_of(self.at(at)?, jtid, borrower).map_err(runtime_error)
	}
}
