//! Runtime APIs the node, wallets and dApps call.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	traits::KeyOwnerProofSystem,
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, ExtrinsicInclusionMode,
};
use sp_version::RuntimeVersion;

use pallet_jointtoken::JtId;
/// The runtime's instances of the joint-token types the runtime API takes and returns.
pub type JtRules = pallet_jointtoken::RulesOf<Runtime>;
pub type JtItem = pallet_jointtoken::ItemOf<Runtime>;
pub type JtDistribution = pallet_jointtoken::DistributionOf<Runtime>;

/// The runtime's instances of the CarChain types the runtime API returns.
pub type CarDevice = pallet_carchain::DeviceOf<Runtime>;
pub type CarRecord = pallet_carchain::RecordOf<Runtime>;
pub type CarGrant = pallet_carchain::GrantOf<Runtime>;
pub type CarPurchase = pallet_carchain::PurchaseOf<Runtime>;
pub type CarComputation = pallet_carchain::ComputationOf<Runtime>;
pub type CarRequest = pallet_carchain::RequestOf<Runtime>;
pub type CarContribution = pallet_carchain::ContributionOf<Runtime>;
/// Leither's query types.
pub type CreditLine = pallet_credit::LineViewOf<Runtime>;
pub type CreditProposal = pallet_credit::ProposalViewOf<Runtime>;
pub type OrgRecord = pallet_orgs::OrgOf<Runtime>;
pub type OrgMembership = pallet_orgs::MembershipOf<Runtime>;
pub type OrgJoinRequest = pallet_orgs::JoinRequestOf<Runtime>;
pub type OrgNode = pallet_orgs::NodeOf<Runtime>;
pub type MiMeiObject = pallet_mimei::ObjectOf<Runtime>;
pub type MiMeiVersion = pallet_mimei::VersionOf<Runtime>;

use crate::{
	AccountId, Babe, Balance, Block, BlockNumber, CarChain, Codcoin, Credit, EpochDuration,
	Executive, Grandpa, Historical, InherentDataExt, JointToken, Market, MarketAsset, MiMei, Nonce,
	Orgs, Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys, Staking, System, Timecoin,
	TransactionPayment, Upkeep, BABE_GENESIS_EPOCH_CONFIG, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_babe::BabeApi<Block> for Runtime {
		fn configuration() -> sp_consensus_babe::BabeConfiguration {
			let epoch_config = Babe::epoch_config().unwrap_or(BABE_GENESIS_EPOCH_CONFIG);
			sp_consensus_babe::BabeConfiguration {
				slot_duration: Babe::slot_duration(),
				epoch_length: EpochDuration::get(),
				c: epoch_config.c,
				authorities: Babe::authorities().to_vec(),
				randomness: Babe::randomness(),
				allowed_slots: epoch_config.allowed_slots,
			}
		}

		fn current_epoch_start() -> sp_consensus_babe::Slot {
			Babe::current_epoch_start()
		}

		fn current_epoch() -> sp_consensus_babe::Epoch {
			Babe::current_epoch()
		}

		fn next_epoch() -> sp_consensus_babe::Epoch {
			Babe::next_epoch()
		}

		fn generate_key_ownership_proof(
			_slot: sp_consensus_babe::Slot,
			authority_id: sp_consensus_babe::AuthorityId,
		) -> Option<sp_consensus_babe::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			Historical::prove((sp_consensus_babe::KEY_TYPE, authority_id))
				.map(|p| p.encode())
				.map(sp_consensus_babe::OpaqueKeyOwnershipProof::new)
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_babe::EquivocationProof<<Block as BlockT>::Header>,
			key_owner_proof: sp_consensus_babe::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			Babe::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			pallet_grandpa::CurrentSetId::<Runtime>::get()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			authority_id: sp_consensus_grandpa::AuthorityId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			Historical::prove((sp_consensus_grandpa::KEY_TYPE, authority_id))
				.map(|p| p.encode())
				.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_staking_runtime_api::StakingApi<Block, Balance, AccountId> for Runtime {
		fn nominations_quota(balance: Balance) -> u32 {
			Staking::api_nominations_quota(balance)
		}

		fn eras_stakers_page_count(era: sp_staking::EraIndex, account: AccountId) -> sp_staking::Page {
			Staking::api_eras_stakers_page_count(era, account)
		}

		fn pending_rewards(era: sp_staking::EraIndex, account: AccountId) -> bool {
			Staking::api_pending_rewards(era, account)
		}
	}

	impl pallet_timecoin_runtime_api::TimecoinApi<Block, AccountId> for Runtime {
		fn coins_of(
			holder: AccountId,
			start_after: Option<(AccountId, pallet_timecoin::CoinId)>,
			limit: u32,
		) -> Vec<pallet_timecoin::CoinInfo<AccountId>> {
			Timecoin::coins_of(holder, start_after, limit)
		}

		fn coins_of_issuer(
			issuer: AccountId,
			start_after: Option<(AccountId, pallet_timecoin::CoinId)>,
			limit: u32,
		) -> Vec<pallet_timecoin::CoinInfo<AccountId>> {
			Timecoin::coins_of_issuer(issuer, start_after, limit)
		}

		fn holdings(
			holder: AccountId,
			start_after: Option<AccountId>,
			limit: u32,
		) -> Vec<pallet_timecoin::HoldingInfo<AccountId>> {
			Timecoin::holdings_of(holder, start_after, limit)
		}

		fn coin(id: pallet_timecoin::CoinId) -> Option<pallet_timecoin::CoinInfo<AccountId>> {
			Timecoin::coin(id)
		}

		fn issuer(issuer: AccountId) -> pallet_timecoin::IssuerSummary {
			Timecoin::issuer_summary(issuer)
		}

		fn appointments(
			issuer: AccountId,
			from: u64,
			to: u64,
		) -> Vec<pallet_timecoin::AppointmentInfo<AccountId>> {
			Timecoin::appointments_of(issuer, from, to)
		}

		fn history(issuer: AccountId) -> Vec<pallet_timecoin::ExerciseRecord<AccountId>> {
			Timecoin::exercise_history(issuer)
		}
	}

	impl pallet_codcoin_runtime_api::CodcoinApi<Block, AccountId, BlockNumber> for Runtime {
		fn coins_of(
			holder: AccountId,
			start_after: Option<(AccountId, pallet_codcoin::CoinId)>,
			limit: u32,
		) -> Vec<pallet_codcoin::CoinInfo<AccountId>> {
			Codcoin::coins_of(holder, start_after, limit)
		}

		fn coins_of_issuer(
			issuer: AccountId,
			start_after: Option<(AccountId, pallet_codcoin::CoinId)>,
			limit: u32,
		) -> Vec<pallet_codcoin::CoinInfo<AccountId>> {
			Codcoin::coins_of_issuer(issuer, start_after, limit)
		}

		fn holdings(
			holder: AccountId,
			start_after: Option<AccountId>,
			limit: u32,
		) -> Vec<pallet_codcoin::HoldingInfo<AccountId>> {
			Codcoin::holdings_of(holder, start_after, limit)
		}

		fn coin(id: pallet_codcoin::CoinId) -> Option<pallet_codcoin::CoinInfo<AccountId>> {
			Codcoin::coin(id)
		}

		fn balance(holder: AccountId, issuer: AccountId) -> pallet_codcoin::Units {
			Codcoin::balance_of(&holder, &issuer)
		}

		fn issuer(issuer: AccountId) -> pallet_codcoin::IssuerSummary {
			Codcoin::issuer_summary(issuer)
		}

		fn claims(issuer: AccountId) -> Vec<pallet_codcoin::ClaimInfo<AccountId, BlockNumber>> {
			Codcoin::claims_of(issuer)
		}
	}

	impl pallet_upkeep_runtime_api::UpkeepApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn contract(id: pallet_upkeep::ContractId) -> Option<pallet_upkeep::ContractInfo<AccountId, Balance, BlockNumber>> {
			Upkeep::contract_info(id)
		}

		fn contracts_of(
			owner: AccountId,
			start_after: Option<pallet_upkeep::ContractId>,
			limit: u32,
		) -> Vec<pallet_upkeep::ContractInfo<AccountId, Balance, BlockNumber>> {
			Upkeep::contracts_of(owner, start_after, limit)
		}

		fn providers(id: pallet_upkeep::ContractId) -> Vec<pallet_upkeep::ProviderInfo<AccountId, BlockNumber>> {
			Upkeep::providers_of(id)
		}

		fn leader(
			id: pallet_upkeep::ContractId,
			provider: AccountId,
			at: Option<BlockNumber>,
		) -> Option<pallet_upkeep::LeaderInfo<AccountId, BlockNumber>> {
			Upkeep::leader(id, provider, at)
		}

		fn windows(
			id: pallet_upkeep::ContractId,
			provider: AccountId,
		) -> Vec<pallet_upkeep::Window<AccountId, BlockNumber>> {
			Upkeep::windows(id, provider)
		}

		fn payments(
			id: pallet_upkeep::ContractId,
			start_after: Option<pallet_upkeep::PaymentSeq>,
			limit: u32,
		) -> Vec<pallet_upkeep::PaymentRecord<AccountId, Balance, BlockNumber>> {
			Upkeep::payments(id, start_after, limit)
		}

		fn attestation_payload(
			id: pallet_upkeep::ContractId,
			provider: AccountId,
			ts: BlockNumber,
			te: BlockNumber,
			st: u128,
		) -> Vec<u8> {
			Upkeep::attestation_payload(id, &provider, ts, te, st)
		}
	}

	impl pallet_jointtoken_runtime_api::JointTokenApi<Block, AccountId, Balance, BlockNumber, JtRules, JtItem, JtDistribution> for Runtime {
		fn kind(jtid: JtId) -> Option<(JtRules, pallet_jointtoken::KindDetails<AccountId, BlockNumber, Balance>)> {
			JointToken::kind(&jtid)
		}

		fn check_rules(rules: JtRules) -> JtId {
			JointToken::check_rules(&rules)
		}

		fn accounts(jtid: JtId) -> (AccountId, AccountId) {
			(JointToken::root_account(&jtid), JointToken::incubation_account(&jtid))
		}

		fn entry(jtid: JtId, who: AccountId) -> Option<pallet_jointtoken::Entry<AccountId, Balance>> {
			JointToken::entry(&jtid, &who)
		}

		fn item_id(item: JtItem) -> sp_core::H256 {
			JointToken::item_id(&item.data)
		}

		fn simulate_item(who: AccountId, item: JtItem) -> Result<pallet_jointtoken::ItemOutcome, sp_runtime::DispatchError> {
			JointToken::simulate_item(&who, item)
		}

		fn quote(jtid: JtId, cod: pallet_jointtoken::Amount) -> Result<pallet_jointtoken::Quote, sp_runtime::DispatchError> {
			JointToken::quote(&jtid, cod)
		}

		fn simulate_buy(who: AccountId, jtid: JtId, cod: pallet_jointtoken::Amount) -> Result<pallet_jointtoken::Quote, sp_runtime::DispatchError> {
			JointToken::simulate_buy(&who, &jtid, cod)
		}

		fn expected_alloc(jtid: JtId, account: AccountId) -> Result<(u32, Vec<pallet_jointtoken::Part<AccountId>>), sp_runtime::DispatchError> {
			JointToken::expected_alloc(&jtid, &account)
		}

		fn next_issue(jtid: JtId, schedule: u8) -> Option<pallet_jointtoken::queries::NextIssue<AccountId, BlockNumber>> {
			JointToken::next_issue(&jtid, schedule)
		}

		fn automatic(rule: JtDistribution) -> (sp_core::H256, AccountId, bool) {
			let id = JointToken::distribution_id(&rule);
			let account = JointToken::automatic_account(&id);
			let registered = JointToken::automatic(&account).is_some();
			(id, account, registered)
		}

		fn user(jtid: JtId, who: AccountId) -> (bool, bool) {
			(JointToken::is_ordinary(&jtid, &who), JointToken::is_mentor(&jtid, &who))
		}

		fn presale(id: pallet_jointtoken::PresaleId) -> Option<pallet_jointtoken::Presale<AccountId, BlockNumber, Balance>> {
			JointToken::presale(id)
		}

		fn preorder(id: pallet_jointtoken::PresaleId, buyer: AccountId) -> Option<pallet_jointtoken::Preorder<Balance>> {
			JointToken::preorder_of(id, &buyer)
		}

		fn loan(id: pallet_jointtoken::LoanId) -> Option<pallet_jointtoken::Loan<AccountId, BlockNumber, Balance>> {
			JointToken::loan(id)
		}

		fn loans_of(jtid: JtId, borrower: AccountId) -> Vec<(pallet_jointtoken::LoanId, pallet_jointtoken::Loan<AccountId, BlockNumber, Balance>)> {
			JointToken::loans_of(&jtid, &borrower)
		}
	}

	impl pallet_carchain_runtime_api::CarChainApi<Block, AccountId, Balance, CarDevice, CarRecord, CarGrant, CarPurchase, CarComputation, CarRequest, CarContribution> for Runtime {
		fn device(vid: Vec<u8>) -> Option<CarDevice> {
			CarChain::device(vid)
		}

		fn devices_of(owner: AccountId, start_after: Option<Vec<u8>>, limit: u32) -> Vec<(Vec<u8>, CarDevice)> {
			CarChain::devices_of(owner, start_after, limit)
		}

		fn record(id: pallet_carchain::RecordId) -> Option<CarRecord> {
			CarChain::record(id)
		}

		fn record_id(address: AccountId, key: Vec<u8>) -> pallet_carchain::RecordId {
			CarChain::record_id_of(address, key)
		}

		fn grants_of(record: pallet_carchain::RecordId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, CarGrant)> {
			CarChain::grants_of(record, start_after, limit)
		}

		fn purchases_of(record: pallet_carchain::RecordId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, CarPurchase)> {
			CarChain::purchases_of(record, start_after, limit)
		}

		fn is_agent(who: AccountId) -> bool {
			CarChain::is_agent(who)
		}

		fn provider(who: AccountId) -> Option<(Balance, u32)> {
			CarChain::provider(who)
		}

		fn computation(id: pallet_carchain::ComputationId) -> Option<CarComputation> {
			CarChain::computation(id)
		}

		fn request(id: pallet_carchain::RequestId) -> Option<(CarRequest, Vec<CarContribution>)> {
			CarChain::request(id)
		}

		fn approved_keys(request: pallet_carchain::RequestId, start_after: Option<pallet_carchain::RecordId>, limit: u32) -> Vec<(pallet_carchain::RecordId, Vec<u8>)> {
			CarChain::approved_keys(request, start_after, limit)
		}

		fn result(id: pallet_carchain::RequestId) -> Option<Vec<u8>> {
			CarChain::result(id)
		}

		fn emission() -> pallet_carchain::EmissionStatus<Balance> {
			CarChain::emission_status()
		}

		fn agent_share(epoch: pallet_carchain::EpochIndex, agent: AccountId) -> (u32, Balance) {
			CarChain::agent_share(epoch, &agent)
		}

		fn sale_cost(amount: Balance) -> Option<Balance> {
			CarChain::sale_cost(amount).ok()
		}

		fn record_changes() -> Vec<pallet_carchain::RecordChange<AccountId>> {
			CarChain::record_changes(
				System::read_events_no_consensus().map(|record| record.event),
			)
		}
	}

	impl pallet_credit_runtime_api::CreditApi<Block, AccountId, pallet_orgs::OrgId, CreditLine, CreditProposal> for Runtime {
		fn line(grantor: AccountId, grantee: AccountId, unit: pallet_credit::Unit) -> Option<CreditLine> {
			Credit::line(grantor, grantee, unit)
		}

		fn lines_of(who: AccountId, side: pallet_credit::Side, start_after: Option<(AccountId, pallet_credit::Unit)>, limit: u32) -> Vec<CreditLine> {
			Credit::lines_of(who, side, start_after, limit)
		}

		fn proposals_of(who: AccountId, side: pallet_credit::Side, start_after: Option<(AccountId, pallet_credit::Unit)>, limit: u32) -> Vec<CreditProposal> {
			Credit::proposals_of(who, side, start_after, limit)
		}

		fn capacity(from: AccountId, to: AccountId, unit: pallet_credit::Unit) -> pallet_credit::Amount {
			Credit::capacity(from, to, unit)
		}

		fn find_path(from: AccountId, to: AccountId, unit: pallet_credit::Unit, amount: pallet_credit::Amount) -> Option<Vec<AccountId>> {
			Credit::find_path(from, to, unit, amount)
		}

		fn role_limits(org: pallet_orgs::OrgId) -> Vec<(pallet_credit::Unit, pallet_credit::Role, pallet_credit::Amount)> {
			Credit::role_limits(org)
		}
	}

	impl pallet_orgs_runtime_api::OrgsApi<Block, AccountId, OrgRecord, OrgMembership, OrgJoinRequest, OrgNode> for Runtime {
		fn org(id: pallet_orgs::OrgId) -> Option<OrgRecord> {
			Orgs::org(id)
		}

		fn orgs(start_after: Option<pallet_orgs::OrgId>, limit: u32) -> Vec<(pallet_orgs::OrgId, OrgRecord)> {
			Orgs::orgs(start_after, limit)
		}

		fn members(org: pallet_orgs::OrgId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, OrgMembership)> {
			Orgs::members(org, start_after, limit)
		}

		fn orgs_of(who: AccountId, start_after: Option<pallet_orgs::OrgId>, limit: u32) -> Vec<(pallet_orgs::OrgId, pallet_orgs::Role)> {
			Orgs::orgs_of(who, start_after, limit)
		}

		fn requests(org: pallet_orgs::OrgId, start_after: Option<AccountId>, limit: u32) -> Vec<(AccountId, OrgJoinRequest)> {
			Orgs::requests(org, start_after, limit)
		}

		fn nodes(cod: pallet_orgs::OrgId, start_after: Option<pallet_orgs::NodeKey>, limit: u32) -> Vec<OrgNode> {
			Orgs::nodes(cod, start_after, limit)
		}

		fn node(id: sp_core::H256) -> Option<OrgNode> {
			Orgs::node(id)
		}

		fn node_id(cod: pallet_orgs::OrgId, key: pallet_orgs::NodeKey) -> sp_core::H256 {
			pallet_orgs::node_id(cod, &key)
		}

		fn node_payload(cod: pallet_orgs::OrgId, operator: AccountId) -> Vec<u8> {
			Orgs::node_payload(cod, &operator)
		}
	}

	impl pallet_mimei_runtime_api::MiMeiApi<Block, AccountId, MiMeiObject, MiMeiVersion> for Runtime {
		fn object(id: pallet_mimei::ObjectId) -> Option<(MiMeiObject, bool)> {
			MiMei::object(id)
		}

		fn object_id(author: AccountId, app_type: Vec<u8>, ext: Vec<u8>, mark: Vec<u8>) -> pallet_mimei::ObjectId {
			pallet_mimei::object_id(&author, &app_type, &ext, &mark)
		}

		fn resolve(id: pallet_mimei::ObjectId, selector: pallet_mimei::Selector) -> Option<(pallet_mimei::VersionNo, MiMeiVersion)> {
			MiMei::resolve(id, selector)
		}

		fn versions(id: pallet_mimei::ObjectId, start_after: Option<pallet_mimei::VersionNo>, limit: u32) -> Vec<(pallet_mimei::VersionNo, MiMeiVersion)> {
			MiMei::versions(id, start_after, limit)
		}

		fn refs_from(id: pallet_mimei::ObjectId, start_after: Option<pallet_mimei::ObjectId>, limit: u32) -> Vec<pallet_mimei::ObjectId> {
			MiMei::refs_from(id, start_after, limit)
		}

		fn refs_to(id: pallet_mimei::ObjectId, start_after: Option<pallet_mimei::ObjectId>, limit: u32) -> Vec<pallet_mimei::ObjectId> {
			MiMei::refs_to(id, start_after, limit)
		}
	}

	impl pallet_market_runtime_api::MarketApi<Block, AccountId, MarketAsset, Balance, BlockNumber> for Runtime {
		fn offers(
			pay: pallet_market::Resource<MarketAsset>,
			receive: pallet_market::Resource<MarketAsset>,
			start_after: Option<pallet_market::OfferId>,
			limit: u32,
		) -> Vec<pallet_market::OfferInfo<AccountId, MarketAsset, Balance, BlockNumber>> {
			Market::offers_by_pair(pay, receive, start_after, limit)
		}

		fn offer(
			id: pallet_market::OfferId,
		) -> Option<pallet_market::OfferInfo<AccountId, MarketAsset, Balance, BlockNumber>> {
			Market::offer(id)
		}

		fn trades(
			who: AccountId,
			start_after: Option<pallet_market::TradeId>,
			limit: u32,
		) -> Vec<pallet_market::TradeInfo<AccountId, MarketAsset, BlockNumber>> {
			Market::trades_of(who, start_after, limit)
		}

		fn stats(who: AccountId) -> pallet_market::AccountStats {
			Market::stats(who)
		}

		fn buy_back_offers(issuer: AccountId) -> Vec<pallet_market::OfferId> {
			Market::buy_back_offers(issuer)
		}

		fn registered(who: AccountId) -> Vec<pallet_market::Resource<MarketAsset>> {
			Market::registered(who)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(
			checks: frame_try_runtime::UpgradeCheckSelect,
		) -> (Weight, Weight) {
			// A failing migration or invariant must abort the dry run loudly.
			let weight = Executive::try_runtime_upgrade(checks)
				.expect("runtime upgrade and try_state checks pass; qed");
			(weight, crate::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("block executes and try_state checks pass; qed")
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use crate::{
				Balances, Codcoin, JointToken, Market, Staking, Sudo, Timecoin, Timestamp, Upkeep,
				Utility, VoterList,
			};
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkList};
			use pallet_session_benchmarking::Pallet as SessionBench;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use crate::{
				Balances, Codcoin, JointToken, Market, Staking, Sudo, Timecoin, Timestamp, Upkeep,
				Utility, VoterList,
			};
			use frame_benchmarking::{baseline::Pallet as BaselineBench, BenchmarkBatch};
			use pallet_session_benchmarking::Pallet as SessionBench;
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::{
				extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
			};

			impl frame_system_benchmarking::Config for Runtime {}
			impl frame_benchmarking::baseline::Config for Runtime {}
			impl pallet_session_benchmarking::Config for Runtime {
				// `set_keys` checks an ownership proof: real keys from the benchmark's keystore.
				fn generate_session_keys_and_proof(
					owner: crate::AccountId,
				) -> (crate::SessionKeys, Vec<u8>) {
					use codec::Encode;
					let generated = crate::SessionKeys::generate(&owner.encode(), None);
					(generated.keys, generated.proof.encode())
				}
			}
			impl pallet_transaction_payment::BenchmarkConfig for Runtime {
				// Fees go to the block's author: a BABE pre-digest naming the first validator
				// makes the benchmark pay one, the costlier path than burning the fee.
				fn setup_benchmark_environment() {
					use codec::Encode;
					let pre = sp_consensus_babe::digests::PreDigest::SecondaryPlain(
						sp_consensus_babe::digests::SecondaryPlainPreDigest {
							authority_index: 0,
							slot: sp_consensus_babe::Slot::from(1u64),
						},
					);
					System::deposit_log(sp_runtime::DigestItem::PreRuntime(
						sp_consensus_babe::BABE_ENGINE_ID,
						pre.encode(),
					));
					// A real block learns its author once, in `Authorship::on_initialize`, and
					// every fee reads the remembered value; do the same here.
					let _ = crate::Authorship::author();
				}
			}

			let whitelist = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
