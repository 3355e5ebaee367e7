// Texts of the pages in Chinese (the default) and English. Static elements name their text with
// `data-i18n` (text), `data-i18n-placeholder` and `data-i18n-label` (aria-label); dynamic parts
// call `t(key, values)` and re-render on the `langchange` event.

const TEXTS = {
	zh: {
		"site.title": "DOID 数据要素登记链",
		"nav.notices": "登记公示",
		"nav.verify": "登记查验",
		"nav.certificate": "登记凭证",
		"nav.language": "English",
		"nav.languageLabel": "切换到英文",
		"conn.connecting": "正在连接节点…",
		"conn.connected": "已连接节点",
		"conn.disconnected": "与节点的连接已断开，正在重连…",
		"conn.block": "最新区块 #{n}",
		"notices.title": "登记公示",
		"notices.intro":
			"以下登记申请正在公示期内。公示期内任何已实名认证的主体均可提出异议；公示期满且无未决异议的，登记凭证将自动发放。",
		"notices.count": "公示中的申请：{n} 项",
		"notices.registry": "登记机构",
		"notices.all": "全部",
		"notices.empty": "当前没有公示中的申请。",
		"notices.col.application": "申请号",
		"notices.col.name": "名称",
		"notices.col.kind": "要素类型",
		"notices.col.registry": "登记机构",
		"notices.col.applicant": "申请主体 OID",
		"notices.col.start": "公示开始",
		"notices.col.end": "公示截止",
		"notices.col.left": "剩余工作日",
		"notices.daysLeft": "{n} 个工作日",
		"notices.lastDay": "今日截止",
		"notices.howToObject": "如何提出异议",
		"object.title": "如何提出异议",
		"object.p1":
			"公示期内（截止日 24:00 北京时间前上链），任何已实名认证的主体均可对公示中的申请提出异议。",
		"object.p2":
			"用钱包（如 polkadot.js）签名调用 Objections.file_objection：目标为 Application(申请号)，附异议理由文件的摘要及证据文件的摘要（文件本身不上链）；提交时将冻结登记机构规定的保证金。",
		"object.p3":
			"登记机构受理后申请进入“争议中”，公示暂停；被申请人须在规定工作日内答复，由仲裁庭表决。异议成立则申请被驳回、保证金退还；不成立则恢复公示、保证金归被申请人。",
		"verify.title": "登记查验",
		"verify.intro": "输入 DOID 或登记编号查验登记凭证；或拖入文件，按其摘要查询存证、申请与凭证。",
		"verify.idLabel": "DOID 或登记编号",
		"verify.idPlaceholder": "例如 2.999.2.1.1.1 或 BJSZD202600000001H",
		"verify.submit": "查验",
		"verify.fileTitle": "按文件查验",
		"verify.drop": "将文件拖到此处，或点击选择文件（文件在浏览器内计算摘要，不会上传）",
		"verify.fileLabel": "选择要查验的文件",
		"verify.digestLabel": "或输入摘要（算法:十六进制）",
		"verify.digestPlaceholder": "blake3:…（64 位十六进制）",
		"verify.lookup": "查询",
		"verify.hashing": "正在计算摘要…（{p}%）",
		"verify.notFoundDigest": "链上没有该摘要的任何记录。",
		"verify.anchors": "存证记录",
		"verify.firstAnchor": "首次存证",
		"verify.cosigned": "公证/司法机构联署",
		"verify.annotations": "标注",
		"verify.applications": "相关申请",
		"verify.certsByContent": "以此为内容的凭证",
		"verify.certsByMaterial": "以此为材料的凭证",
		"verify.bundle": "下载离线证明包",
		"verify.bundleSaved": "证明包已下载（{name}），可用 doid verify-bundle 离线校验。",
		"verify.inForce": "凭证有效",
		"verify.notInForce": "凭证当前不在有效状态",
		"verify.lineageOk": "溯源链完整有效",
		"verify.lineageBroken": "溯源链中有凭证已失效",
		"verify.open": "查看凭证详情",
		"cert.title": "登记凭证",
		"cert.lookupTitle": "查看登记凭证",
		"cert.fields": "登记信息",
		"cert.history": "版本历史",
		"cert.licences": "他项权益（许可）",
		"cert.noLicences": "无",
		"cert.lineage": "数据血缘",
		"cert.lineageHint": "左侧为输入凭证，右侧为以本凭证为输入的衍生凭证；颜色表示状态，点击可查看。",
		"cert.noLineage": "本凭证没有输入，也没有衍生凭证。",
		"cert.validity": "有效期",
		"cert.renewal": "续展窗口自 {d} 起",
		"f.doid": "DOID",
		"f.number": "登记编号",
		"f.status": "状态",
		"f.registry": "登记机构",
		"f.holder": "持有主体",
		"f.kind": "要素类型",
		"f.industry": "行业",
		"f.scenario": "应用场景",
		"f.source": "数据来源",
		"f.format": "格式",
		"f.structure": "结构",
		"f.scale": "规模",
		"f.update": "更新频率",
		"f.trainable": "可用于训练",
		"f.rights": "登记权利",
		"f.acquisition": "取得方式",
		"f.content": "内容摘要",
		"f.materials": "材料摘要",
		"f.application": "登记申请",
		"f.issued": "发证日期",
		"f.expires": "有效期至",
		"f.version": "版本",
		"f.lineage": "溯源",
		"h.version": "版本",
		"h.change": "变更",
		"h.status": "变更后状态",
		"h.date": "日期",
		"h.block": "区块",
		"h.by": "操作方",
		"h.digest": "文件摘要",
		"l.grantee": "被许可主体",
		"l.until": "许可至",
		"yes": "是",
		"no": "否",
		"subject": "主体 #{n}",
		"block": "区块 #{n}",
		"err.empty": "请输入 DOID 或登记编号。",
		"err.badChar": "第 {pos} 个字符“{c}”无效：登记编号只含大写字母和数字。",
		"err.length": "登记编号长度应为 15 至 21 个字符（当前 {n} 个）。",
		"err.prefix": "登记编号应以 2 至 8 个大写字母的机构前缀开头。",
		"err.year": "登记编号中的年份无效。",
		"err.check": "校验位错误：最后一位应为“{expected}”而不是“{found}”，请检查是否输错。",
		"err.oid": "DOID 格式无效：应为以点分隔的数字，如 2.999.2.1.1.1（{why}）。",
		"err.digest": "摘要格式无效：应为 算法:64位十六进制，算法为 blake3、sha256、sm3 或 blake2b256。",
		"err.notFound": "未找到：{what}",
		"err.node": "节点返回错误：{message}",
		"err.offline": "暂时无法连接节点，连接恢复后请重试。",
		"err.notProvable": "该摘要已存证，但所在区块尚未被最终确认，请稍后再下载证明包。",
		"kind.DataResource": "数据资源",
		"kind.ComputeResource": "算力资源",
		"kind.AlgorithmModel": "算法模型",
		"kind.DataProduct": "数据产品",
	},
	en: {
		"site.title": "DOID data element registry chain",
		"nav.notices": "Public notices",
		"nav.verify": "Verify",
		"nav.certificate": "Certificate",
		"nav.language": "中文",
		"nav.languageLabel": "Switch to Chinese",
		"conn.connecting": "Connecting to the node…",
		"conn.connected": "Connected to the node",
		"conn.disconnected": "Connection to the node lost; reconnecting…",
		"conn.block": "best block #{n}",
		"notices.title": "Public notices",
		"notices.intro":
			"These registration applications are in their public notice period. Any verified subject may object until the last day; when it ends with no open objection, the certificate is issued automatically.",
		"notices.count": "Applications in notice: {n}",
		"notices.registry": "Registry",
		"notices.all": "All",
		"notices.empty": "No application is in public notice now.",
		"notices.col.application": "Application",
		"notices.col.name": "Name",
		"notices.col.kind": "Element kind",
		"notices.col.registry": "Registry",
		"notices.col.applicant": "Applicant OID",
		"notices.col.start": "Notice start",
		"notices.col.end": "Last day",
		"notices.col.left": "Working days left",
		"notices.daysLeft": "{n} working days",
		"notices.lastDay": "last day today",
		"notices.howToObject": "How to object",
		"object.title": "How to object",
		"object.p1":
			"During the notice period (in a block dated on or before the last day, 24:00 Beijing time), any verified subject may object to an application in notice.",
		"object.p2":
			"Sign Objections.file_objection with a wallet (e.g. polkadot.js): target Application(id), the digest of your grounds and the digests of your evidence (documents stay off-chain). The registry's bond is reserved when you file.",
		"object.p3":
			"Once the registry accepts it the application is Disputed and its notice pauses; the applicant answers within the set working days and an arbitration panel votes. Upheld: the application is rejected and the bond returned; dismissed: the notice resumes and the bond goes to the applicant.",
		"verify.title": "Verify a registration",
		"verify.intro":
			"Enter a DOID or registration number to verify a certificate, or drop a file to look up its digest: anchors, applications and certificates.",
		"verify.idLabel": "DOID or registration number",
		"verify.idPlaceholder": "e.g. 2.999.2.1.1.1 or BJSZD202600000001H",
		"verify.submit": "Verify",
		"verify.fileTitle": "Verify a file",
		"verify.drop": "Drop a file here or click to choose one (hashed in your browser, never uploaded)",
		"verify.fileLabel": "Choose a file to verify",
		"verify.digestLabel": "or enter a digest (algorithm:hex)",
		"verify.digestPlaceholder": "blake3:… (64 hex digits)",
		"verify.lookup": "Look up",
		"verify.hashing": "Hashing… ({p}%)",
		"verify.notFoundDigest": "The chain has no record of this digest.",
		"verify.anchors": "Anchors",
		"verify.firstAnchor": "first anchoring",
		"verify.cosigned": "co-signed by notary/court",
		"verify.annotations": "annotations",
		"verify.applications": "Applications",
		"verify.certsByContent": "Certificates with this content",
		"verify.certsByMaterial": "Certificates citing it as a material",
		"verify.bundle": "Download the offline proof bundle",
		"verify.bundleSaved": "Proof bundle downloaded ({name}); check it offline with doid verify-bundle.",
		"verify.inForce": "Certificate in force",
		"verify.notInForce": "Certificate not in force",
		"verify.lineageOk": "Lineage intact",
		"verify.lineageBroken": "A certificate in its lineage is no longer in force",
		"verify.open": "Open the certificate",
		"cert.title": "Certificate",
		"cert.lookupTitle": "Open a certificate",
		"cert.fields": "Registered information",
		"cert.history": "Version history",
		"cert.licences": "Encumbrances (licences)",
		"cert.noLicences": "None",
		"cert.lineage": "Lineage",
		"cert.lineageHint":
			"Inputs on the left, certificates derived from this one on the right; colours show status; click to open.",
		"cert.noLineage": "This certificate has no inputs and no derived certificates.",
		"cert.validity": "Validity",
		"cert.renewal": "renewal window opens {d}",
		"f.doid": "DOID",
		"f.number": "Registration number",
		"f.status": "Status",
		"f.registry": "Registry",
		"f.holder": "Holder",
		"f.kind": "Element kind",
		"f.industry": "Industry",
		"f.scenario": "Application scenario",
		"f.source": "Data source",
		"f.format": "Format",
		"f.structure": "Structure",
		"f.scale": "Scale",
		"f.update": "Update frequency",
		"f.trainable": "Trainable",
		"f.rights": "Rights registered",
		"f.acquisition": "Acquisition",
		"f.content": "Content digest",
		"f.materials": "Material digests",
		"f.application": "Application",
		"f.issued": "Issued on",
		"f.expires": "Valid until",
		"f.version": "Version",
		"f.lineage": "Lineage",
		"h.version": "Version",
		"h.change": "Change",
		"h.status": "Status after",
		"h.date": "Date",
		"h.block": "Block",
		"h.by": "By",
		"h.digest": "Document digest",
		"l.grantee": "Licensee",
		"l.until": "Until",
		"yes": "yes",
		"no": "no",
		"subject": "subject #{n}",
		"block": "block #{n}",
		"err.empty": "Enter a DOID or a registration number.",
		"err.badChar": "Character {pos} ({c}) is not allowed: registration numbers have capital letters and digits only.",
		"err.length": "A registration number has 15 to 21 characters (this one has {n}).",
		"err.prefix": "A registration number starts with a registry prefix of 2 to 8 capital letters.",
		"err.year": "The year in this registration number is not valid.",
		"err.check": "Wrong check character: the last character should be {expected}, not {found} — mistyped?",
		"err.oid": "Not a valid DOID: dotted numbers such as 2.999.2.1.1.1 ({why}).",
		"err.digest": "Not a digest: algorithm:64 hex digits, with algorithm blake3, sha256, sm3 or blake2b256.",
		"err.notFound": "Not found: {what}",
		"err.node": "The node answered with an error: {message}",
		"err.offline": "The node cannot be reached right now; try again once reconnected.",
		"err.notProvable": "Anchored, but its block is not finalized yet; download the bundle a little later.",
		"kind.DataResource": "Data resource",
		"kind.ComputeResource": "Compute resource",
		"kind.AlgorithmModel": "Algorithm model",
		"kind.DataProduct": "Data product",
	},
};

/** English names of the statuses (the Chinese ones come from the node). */
const STATUS_EN = {
	Active: "Active",
	ExpiringSoon: "Expiring soon",
	Disputed: "Disputed",
	Renewing: "Renewal pending",
	TransferPending: "Transfer pending",
	ChangePending: "Change pending",
	CancellationPending: "Cancellation pending",
	Frozen: "Frozen (judicial)",
	Revoked: "Revoked",
	Expired: "Expired",
	Cancelled: "Cancelled",
	Invalid: "Invalid",
};

const KEY = "doid.lang";

export function lang() {
	const saved = localStorage.getItem(KEY);
	return saved === "en" ? "en" : "zh";
}

/** The text `key` in the current language, with `{name}` replaced from `values`. */
export function t(key, values = {}) {
	const text = TEXTS[lang()][key] ?? TEXTS.zh[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
}

/** A status for display: the node's Chinese label, or the English name. */
export function statusText(status, labelZh) {
	return lang() === "zh" ? labelZh || status : STATUS_EN[status] || status;
}

/** An element kind for display. */
export function kindText(kind) {
	return t(`kind.${kind}`);
}

/** Applies the current language to the static elements of the page. */
export function apply(root = document) {
	document.documentElement.lang = lang() === "zh" ? "zh-CN" : "en";
	for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
	for (const el of root.querySelectorAll("[data-i18n-placeholder]")) {
		el.placeholder = t(el.dataset.i18nPlaceholder);
	}
	for (const el of root.querySelectorAll("[data-i18n-label]")) {
		el.setAttribute("aria-label", t(el.dataset.i18nLabel));
	}
}

/** Switches the language, re-applies it and tells the page (`langchange`). */
export function toggle() {
	localStorage.setItem(KEY, lang() === "zh" ? "en" : "zh");
	apply();
	document.dispatchEvent(new Event("langchange"));
}
