# Switchboard 的简体中文文案：窗口里显示的句子。每种语言一个文件
# （en、zh-CN、zh-TW、ja），消息和参数都相同；ui/src/lib/i18n.test.ts 会检查这一点，
# 并检查每条消息都有用到。
# 提供商名称、ID、路径和命令在所有语言中都保持原样。

## 顶栏和各栏目

header-codex-uses = Codex 正在使用 { $provider }
header-codex-uses-model-title = Codex 正在使用 { $provider } · { $model }
openai-default = OpenAI（默认）
managed-button = 由你的组织管理
managed-hint = Switchboard 仍会把你的选择写入 config.toml；如需更改，请让这台电脑的管理员修改他们的配置文件。
nav-label = 栏目
nav-providers = 提供商
nav-add = 添加提供商
nav-sessions = 会话
nav-import = 导入
nav-backups = 备份

## 通知

notice-dismiss = 关闭
load-try-again = 重试
added-provider = 已添加 { $id }。先点“测试”检查它，再点“使用”让 Codex 切换过去。

## 提供商

empty-title = 让 Codex 使用其他提供商
empty-body = 可选择 Azure、Vercel、OpenRouter、Ollama、Kimi、GLM、DeepSeek、Mistral 或你公司的网关；只支持 Chat Completions 的提供商会通过 Switchboard 桥接。你的密钥保存在系统钥匙串中，Switchboard 只改动 config.toml 中必要的几行。
empty-add = 添加第一个提供商
empty-import = 从 CC Switch 导入
providers-label = 提供商
dot-untested = 尚未测试
dot-last-test = 上次测试：{ $verdict }
badge-active = 当前
tag-from-config = 来自你的配置
tag-from-config-title = 在 config.toml 中手动填写
row-built-in = Codex 内置
row-bridged = 通过 Switchboard 桥接
row-context = 上下文 { $tokens }
row-sessions = { $count } 个会话
button-use = 使用
button-in-use = 使用中
button-test = 测试
button-testing = 测试中…
button-edit = 编辑
button-share = 分享
button-remove = 移除
announce-testing = 正在测试 { $provider }…
announce-verdict = { $provider }：{ $verdict }。{ $message }

## 移除

confirm-remove-label = 确认移除
confirm-remove = 要移除 { $provider } 及其保存的密钥吗？
confirm-remove-active = Codex 将改回使用 OpenAI。
confirm-remove-sessions = 它的 { $count } 个已保存会话仍会留在磁盘上，但在这个提供商被移除期间，Codex 无法恢复这些会话。
confirm-remove-backup = 会保留一份 config.toml 的备份。
confirm-remove-keep = 保留

## 添加

presets-title = 添加提供商
presets-lead = 选择 Codex 要把请求发送到哪里。
presets-filter = 查找提供商
presets-filter-placeholder = 名称、国家或地区、模型
presets-none = 没有与“{ $query }”匹配的预设。“Custom provider”和“Chat Completions gateway”可以使用任意地址。
presets-cc-switch = 在用 CC Switch？{ $link }，并把密钥移入钥匙串。
presets-cc-switch-link = 导入其中的 Codex 提供商

## 备份

backups-title = config.toml 的备份
backups-lead = Switchboard 每次修改前都会先保存一份副本，并保留最近的 20 份。
backups-empty = 还没有备份。Switchboard 下次修改 config.toml 时会创建第一份。
backups-taken = { $when } UTC
backups-newest = 最新
backups-size = { $name } · { $size } 字节
confirm-restore-label = 确认恢复
confirm-restore = 要用这份副本替换 config.toml 吗？（会先备份当前的文件。）
button-cancel = 取消
button-restore = 恢复
button-restore-ask = 恢复…

## 页脚

footer-codex-home = Codex 主目录：{ $path }
footer-login = 登录时启动
footer-login-title = 登录系统后，Switchboard 会在托盘中启动，不打开窗口。
footer-language = 语言
footer-version = Switchboard { $version }

## 测试

test-running = 正在按 Codex 的方式测试连接…
test-what-to-do = 解决方法：
test-bridge-fix = 让 Codex 通过 Switchboard 桥接访问它。桥接会用 Chat Completions 与它通信，并在 Codex 需要时在这台电脑上自动启动。
test-use-bridge = 使用 Switchboard 桥接
test-use-direct = 直接访问
test-way = 连接方式：
test-better = 更好的方式：
test-learnt = 已学到：
test-not-reached = 未执行
test-working = 进行中…
test-waiting = 等待中
step-config = 设置
step-connect = 连接主机
step-models = 列出模型
step-responses = Responses API
step-codex = 实际运行 Codex

## 测试结论（每个诊断代码对应一条）

verdict-ok = 可供 Codex 使用
verdict-missing-key = 尚未设置密钥
verdict-token-command-failed = 令牌命令执行失败
verdict-invalid-config = 设置需要修正
verdict-dns = 找不到该地址
verdict-unreachable = 无法连接
verdict-tls = 安全连接失败
verdict-timeout = 响应超时
verdict-unauthorized = 密钥被拒绝
verdict-wrong-base-url = 地址错误
verdict-no-responses-api = 该提供商无法支持 Codex
verdict-tools-refused = Codex 的工具被拒绝
verdict-model-not-found = 未知模型
verdict-azure-api-version = Azure API 版本被拒绝
verdict-rate-limited = 请求过于频繁
verdict-provider-error = 提供商服务出现问题
verdict-unexpected-response = 响应异常

## 密钥如何提供给 Codex

auth-keychain = 密钥在钥匙串中
auth-keychain-missing = 钥匙串中还没有密钥
auth-env = 来自 ${ $var }
auth-command = 令牌命令
auth-file-token = 密钥在 config.toml 中
auth-openai = OpenAI 登录
auth-none = 无密钥

## 提供商表单（添加和编辑）

form-title-add = 添加 { $preset }
form-title-edit = 编辑 { $provider }
form-other-address = 其他 API 地址
# { $tokens } 是 Switchboard 找到的上下文窗口大小，单位为 token。
form-context-found = { $tokens }（由 Switchboard 自动确定）
form-models-offered = 该提供商有 { $count } 个模型可选；输入文字可筛选，也可以填写任意名称。
# { $url } 是预设的地址。
form-base-url-default = 留空则使用 { $url }。
form-key = 密钥
form-key-stored = 密钥已保存在钥匙串中。
form-key-replace = 替换
form-key-remove = 移除
form-key-deleted = 已删除 { $provider } 的密钥。
form-key-modes-label = Codex 获取密钥的方式
form-mode-keychain = 钥匙串
form-mode-env = 环境变量
form-mode-command = 令牌命令
form-mode-none = 无密钥
form-token-args = 参数
form-more-options = 更多选项
form-bridge = 通过 Switchboard 桥接
form-bridge-help = 适用于只支持 Chat Completions（POST /chat/completions）的提供商：Codex 会通过这台电脑上的 Switchboard 桥接访问它，桥接会在 Codex 需要时自动启动。
form-cancel = 取消
form-saving = 保存中…
form-add = 添加提供商
form-save = 保存更改

## 提供商表单的字段（标签、留空时的提示、说明、占位文字）

field-id-label = ID
field-id-missing = 请为提供商起一个简短的 ID，例如 openrouter 或 corp。
field-id-help = Codex 和托盘用它来指代这个提供商。可使用字母、数字、- 和 _。
field-name-label = 显示名称
field-name-missing = 请填写提供商的名称。
field-base-url-label = API 地址（base URL）
field-base-url-missing = 请输入 API 地址，例如 https://openrouter.ai/api/v1。
field-base-url-help = 通常以 /v1 结尾。Codex 会自己加上 /responses。
field-model-label = 模型
field-model-missing = 请输入提供商要求的模型名称。
field-model-help = 输入模型名称；如果提供商能列出模型，这里会给出建议。
field-model-placeholder = 模型名称
field-resource-label = Azure 资源
field-resource-missing = 请输入 Azure 资源名称（.openai.azure.com 前面的部分）。
field-resource-help = 见 Azure 门户中的 https://<resource>.openai.azure.com。
field-deployment-label = 部署
field-deployment-missing = 请输入 Azure AI Foundry 中的部署名称。
field-deployment-help = Azure AI Foundry 中的部署名称；Codex 会把它当作模型名称发送。
field-api-version-label = api-version
field-api-version-missing = 请输入 api-version。
field-api-version-placeholder = 仅用于旧的 /openai 路径
field-key-label = API 密钥
field-key-missing = 请粘贴你的 API 密钥，或选择“无密钥”。
field-key-missing-required = 请粘贴你的 API 密钥。
field-key-help = 保存在系统钥匙串中，绝不写入文件。
field-key-placeholder = 粘贴你的密钥
field-env-var-label = 变量名
field-env-var-missing = 请输入变量名，例如 OPENROUTER_API_KEY。
field-env-var-help = Codex 会从启动它的 shell 中读取这个变量作为密钥。
field-token-command-label = 命令
field-token-command-missing = 请输入能输出令牌的命令。
field-token-command-help = 用于短期有效的令牌（Azure Entra ID、gcloud、密钥库命令行工具）。该命令必须输出令牌。
field-headers-label = 请求头
field-headers-help = 每行一个“名称=值”，随每个请求发送。
field-env-headers-label = 来自变量的请求头
field-env-headers-help = 请求头=变量名；变量未设置时不发送。
field-query-label = 查询参数
field-context-window-label = 上下文窗口
field-context-window-help = 单位为 token，例如 262144、128k 或 1M。留空则由 Switchboard 自动确定：先从提供商获取，再按模型系列推断，都不行则用 128k。
field-context-window-placeholder = 由 Switchboard 自动确定

## 导入分享（switchboard:// 链接或 .switchboard.toml 文件）

import-title = 导入提供商
# { $scheme }（switchboard://）和 { $file }（.switchboard.toml）显示为代码。
import-lead = 粘贴别人发给你的 { $scheme } 链接，或 { $file } 文件的路径。分享中从不包含密钥：你要粘贴自己的密钥。
import-source-label = 链接或文件
import-cancel = 取消
import-read = 读取
import-lead-many = 这份分享包含 { $count } 个提供商。请勾选你需要的。
import-lead-one = 请确认 Codex 会把请求发送到哪里，粘贴你的密钥，然后导入。
import-preset-model = { $preset } · 模型 { $model }
import-send-to = Codex 会把请求发送到
import-no-address = 无地址
import-caution-plain-http = 未加密：{ $host } 通过普通的 http:// 访问，你的密钥和提示词会以明文在网络上传输。
import-caution-unusual-host = 地址不常见：这个预设通常连接 { $usual }，而不是 { $host }。请确认这符合你的预期。
import-caution-unusual-host-own = 地址不常见：这个预设通常连接它自己的主机，而不是 { $host }。请确认这符合你的预期。
import-caution-runs-command = Codex 会运行这份分享中指定的程序来获取令牌。
import-same = 已有完全相同的设置，无需导入。
import-id-label = ID
# { $id } 显示为代码。
import-id-taken = 你已有另一个不同的 { $id }，因此这个提供商会使用新的 ID。
import-key-label = 你的 API 密钥
import-key-help = 保存在系统钥匙串中，绝不写入文件。你也可以稍后再添加。
import-key = 密钥
# { $var } 是变量，例如 $OPENROUTER_API_KEY，显示为代码。
import-key-env = Codex 从环境变量 { $var } 读取密钥；请在你的 shell 或桌面会话中设置它。
import-key-none = 无需密钥。
import-command-title = 这个提供商要在你的电脑上运行一个程序来获取令牌。
import-command-body = 这个程序由发送分享的人指定。每当需要令牌时，Codex 都会以你的权限原样运行以下命令：
import-trust = 我已阅读这条命令，信任并允许它运行。
import-importing = 导入中…
import-submit = 导入
import-submit-many = 导入 { $count } 个提供商
import-close = 关闭
import-confirm-command = 导入前，请先确认上面的令牌命令。
# { $names } 是导入的提供商 ID，用逗号分隔。
import-done = 已导入 { $names }。先点“测试”检查它，再点“使用”让 Codex 切换过去。
import-fix-share-has-key = 请让发送者从 Switchboard 重新分享（Switchboard 分享时不含密钥）。未导入任何内容。
import-fix-share-runs-command = 勾选“我已阅读这条命令，信任并允许它运行”即可允许。未导入任何内容。
import-fix-bad-share = 请向发送者索取新的链接或文件。未导入任何内容。
import-fix-share-version = 请更新 Switchboard，或索取由你当前版本生成的分享。未导入任何内容。
import-fix-id = 请换一个 ID。未导入任何内容。
import-fix-nothing = 未导入任何内容。

## 会话

sessions-title = 会话
sessions-lead = Codex 只列出当前提供商的会话。所有会话都仍保存在磁盘上，每个会话都会用创建它的提供商来恢复。
sessions-filter-label = 提供商
sessions-all = 所有提供商
sessions-refresh = 刷新
sessions-none-for = { $provider } 没有已保存的会话。
sessions-none = 还没有已保存的 Codex 会话。运行 Codex 后，会话会显示在这里。
sessions-list-label = 会话
sessions-no-message = （无消息）
sessions-command-title = 在终端中运行
# { $session } 是会话的第一条消息；没有消息时是会话 ID。
sessions-copy-label = 复制恢复命令：{ $session }
sessions-copy = 复制恢复命令
sessions-copied = 已复制

## 分享提供商

share-label = 分享 { $id }
share-link = 不含密钥的链接
share-link-copied = 不含密钥的链接（已复制）
share-help = 发给同事即可：Switchboard 会在“导入”页面打开它，对方再粘贴自己的密钥。
# { $path } 显示为代码。
share-saved = 已保存到 { $path }
share-copy = 复制链接
share-copied = 已复制
share-save = 保存文件
share-close = 关闭

## 钥匙串之外的密钥

keys-plain-label = 明文密钥
keys-plain-title = 有 { $count } 个密钥以明文保存
keys-plain-body = 任何能读取你的 Codex 文件夹、备份或同步的配置文件（dotfile）的人，都能使用这 { $count } 个密钥。
keys-where = 在哪里？
keys-hide = 隐藏
keys-where-bearer-token = { $provider }：{ $file } 中的 experimental_bearer_token
keys-where-header = { $provider }：{ $file } 中的 { $header } 请求头
keys-stays = ——保留原处：Codex 只能把钥匙串中的密钥作为 Bearer 令牌发送
keys-move = 移入钥匙串
keys-moving = 移入中…
keys-env-label = 环境变量中的密钥
keys-env-title = 有 { $count } 个提供商从 shell 变量读取密钥
keys-env-body = 从程序坞、IDE 或 Codex 应用启动的 Codex 读不到 shell 变量。只需粘贴一次变量的值，就能把它保存到钥匙串中。
keys-env-value = { $provider }：${ $name } 的值
keys-fix-env-unset = 请在输入框中粘贴密钥的值，然后点“移入钥匙串”。未写入任何内容。
keys-fix-unmovable-key = Codex 只能把钥匙串中的密钥作为 Bearer 令牌发送，所以这个请求头会保留在 config.toml 中。未写入任何内容。
keys-fix-conflicting-keys = 请在 config.toml 中删除这个提供商下错误的那个密钥，然后重试。未写入任何内容。
keys-dismiss = 关闭

## 从 CC Switch 导入

cc-title = 从 CC Switch 导入
cc-lead = Switchboard 只读取 CC Switch 的数据库，不会修改它。导入的每个提供商都会把密钥保存在系统钥匙串中，而不是以明文保存。
cc-db-label = CC Switch 数据库
cc-read = 读取
cc-reading = 读取中…
cc-db-help = CC Switch 默认把它放在 ~/.cc-switch 中，除非你在 CC Switch 的设置里移动过这个文件夹。
cc-reading-db = 正在读取 CC Switch 的数据库…
cc-source = { $path } · 架构版本 { $version }
cc-empty = CC Switch 中没有可导入的 Codex 提供商。
cc-list-label = CC Switch 提供商
cc-no-address = 无地址
# { $id } 显示为代码：该提供商在这里使用的 ID。
cc-as-id = 导入为 { $id }
cc-key-into-keychain = 密钥存入钥匙串
cc-no-key = 无密钥
cc-why-duplicate = 已作为 { $provider } 存在（地址和模型相同）
cc-why-official = 通过 CC Switch 登录，没有自己的密钥（Codex 已内置 OpenAI 登录）
cc-why-not-responses = 这个提供商要靠 CC Switch 从其他 API 转换；Codex 需要 Responses API
cc-why-unusable = 无法使用
cc-cancel = 取消
cc-importing = 导入中…
cc-nothing-selected = 未选择任何提供商
cc-import-count = 导入 { $count } 个提供商

# 路由（issue 22）：一个 Codex，所有模型
header-codex-uses-routed = Codex 正在使用 { $provider }（经由 Switchboard）
header-codex-uses-routed-title = Codex 通过 Switchboard 的路由使用 { $provider } · { $model }：跟随 Switchboard 选择的会话会在下一轮切换过去。
row-direct = 直接访问
row-direct-title = Codex 将此提供商作为独立提供商直接访问，不经过 Switchboard 的路由。
button-models = 模型 · { $count }
models-label = Codex 中 { $provider } 的模型
models-lead = Codex 的 /model 选择器会列出 { $provider } 的这些模型。可以在那里选择，也可以在这里点“使用”：使用 Codex 默认模型的会话会在下一轮跟随切换。
models-lead-direct = Codex 直接访问 { $provider }，所以只使用它自己的模型；重新通过 Switchboard 访问后才能列出更多模型。
models-own = 它的模型
models-in-use = 使用中
models-use = 使用
models-asking = 正在向 { $provider } 询问它的模型…
models-offered = { $provider } 还提供 { $count } 个模型：勾选即可在 Codex 中列出。
models-none-offered = { $provider } 没有列出它的模型：请输入一个。
models-add-label = 其他模型
models-add = 列出
models-direct = 直接访问，不经过 Switchboard 的路由
models-direct-help = 适用于禁止本地中转的策略：Codex 自己连接提供商，它的会话与其他提供商的分开存放，切换也无法传到正在运行的会话。
running-title = 正在运行的 Codex 会话
running-empty = 过去一小时内没有 Codex 会话通过 Switchboard 发送过请求。终端、VS Code 和 Codex 应用中的会话发送后会显示在这里。
running-follows = 跟随 Switchboard 的选择
running-pinned = 固定为 { $model }
running-last = 上一轮 { $ago }：{ $provider } · { $model }
running-client-exec = codex exec
running-client-tui = 终端中的 Codex
running-client-vscode = VS Code 中的 Codex
running-client-app = Codex 应用
running-client-unknown = Codex

## Updates (issue 24): the offer at start, and the footer's switch
update-title = Switchboard { $version } 已发布
update-current = 你现在的版本是 { $current }。
update-date = 发布于 { $date }。
update-notes = 更新内容
update-notes-none = 此版本没有更新说明。
update-keeps = 安装会替换应用、它的命令行工具和托盘程序。你的提供商、config.toml 和密钥保持不变。
update-install = 安装并重启
update-later = 以后再说
update-installing = 正在下载 { $version } 并校验签名…
update-failed-signature = 更新已被拒绝：它的签名与 Switchboard 的密钥不符。没有做任何更改。
update-failed-download = 无法下载更新。没有做任何更改，请稍后再试。
update-failed-install = 无法安装更新。没有做任何更改。
update-failed-gone = 此更新已不再提供。没有做任何更改。
update-dismiss = 关闭
update-check = 检查更新
update-check-title = 每次启动时，Switchboard 会向发布源询问是否有新版本，并在安装前征求你的同意。

## 用量 (issue 23)
nav-usage = 用量
usage-title = 用量
usage-lead = 统计 Codex 经 Switchboard 的路由器发出的每个请求，数字以提供商报告的为准。不会保存提示词、回答或密钥。
usage-zone = 日期按 { $zone } 时区划分。
usage-period-label = 时间段
usage-period-days = 最近 { $days } 天
usage-period-all = 全部记录
usage-loading = 正在读取数据…
usage-empty-title = 此时间段内还没有统计数据
usage-empty-body = Codex 经 Switchboard 的路由器访问提供商后即开始统计（在“提供商”页选择模型，照常使用 Codex 即可）。Codex 直接访问的提供商不计入统计。
usage-chart-label = 每日 token 数（按提供商）
usage-chart-summary = { $days } 天内共 { $tokens } 个 token，来自 { $providers } 个提供商。具体数字见下表。
usage-legend = 提供商
usage-by-model = 按模型
usage-col-model = 模型
usage-col-requests = 请求
usage-col-failovers = 故障转移
usage-col-input = 输入
usage-col-cached = 缓存
usage-col-output = 输出
usage-col-reasoning = 推理
usage-col-total = token 总数
usage-col-cost = 费用
usage-total = 合计
usage-partial = * 标有此符号的费用不含价格未知的请求。
usage-not-counted = 有 { $count } 个请求未能统计（路由器的队列已满），未计入以上数字。
usage-failovers-title = 最近的故障转移
usage-failover-line = { $from } { $why }，因此改由 { $to } 应答（{ $model }）。
usage-reason-connect = 无法连接
usage-reason-timeout = 未按时应答
usage-reason-status_5xx = 返回服务器错误（{ $status }）
usage-reason-rate_limited = 被限流（{ $status }）
usage-reason-error_event = 在输出前返回了错误
usage-reason-cooling_down = 因多次失败正在冷却
usage-reason-over_budget = 已超出月度预算
usage-budgets-title = 本月预算
usage-budget-of = { $provider } 的预算使用情况
usage-budget-ok = 已用 { $spent }，预算 { $budget }（{ $percent }%）
usage-budget-warn = 已用 { $spent }，预算 { $budget }（{ $percent }%）：接近预算
usage-budget-over = 已用 { $spent }，预算 { $budget }（{ $percent }%）：超出预算，请求将转给备用模型
usage-prices-title = 价格与预算
usage-prices-lead = 价格按每百万 token 计。OpenRouter 的价格取自它自己的价目表；其他提供商请自行设置价格，才能显示费用。月度预算按该价格计算。
usage-price-yours = 输入 { $input }，输出 { $output }
usage-price-listed = 提供商自己的价目表（{ $count } 个模型）
usage-price-none = 价格未知
usage-budget-set = 月度预算 { $amount }
usage-budget-none = 无预算
usage-edit = 编辑
usage-edit-close = 完成
usage-price-form = { $provider } 的价格
usage-budget-form = { $provider } 的月度预算
usage-currency = 货币
usage-price-input = 输入（每百万 token）
usage-price-output = 输出（每百万 token）
usage-save-price = 保存价格
usage-clear-price = 移除价格
usage-budget-monthly = 月度预算
usage-save-budget = 保存预算
usage-clear-budget = 移除预算
usage-budget-needs-price = 请先设置价格：预算按价格计算。

## 故障转移 (issue 23)
fallback-button = { $count ->
        [0] 备用模型
       *[other] { $count } 个备用模型
    }
fallback-title = { $slug } 的备用模型（按尝试顺序）
fallback-lead = 当 { $slug } 的提供商无法连接、未按时应答、返回 5xx、要求长时间等待（429）或在输出前返回错误时，路由器会把请求转给下列模型中第一个能接收它的模型。一旦有输出到达 Codex，请求就不会再转移。
fallback-none = 还没有备用模型：此模型的提供商失败时，本轮对话即告结束。
fallback-add-label = 添加备用模型
fallback-add-choose = 选择模型…
fallback-add = 添加
fallback-no-candidates = 要设置备用模型，请再添加一个 Codex 经 Switchboard 的路由器访问的提供商（或列出另一个模型）。
fallback-up = 提前尝试 { $slug }
fallback-down = 推后尝试 { $slug }
fallback-remove = 从备用模型中移除 { $slug }
fallback-drag-hint = 拖动以调整顺序
fallback-deadline-label = 请求转给备用模型前等待响应的秒数
fallback-deadline-save = 保存
fallback-deadline-help = 即收到响应头之前的时间。留空则使用默认值。思考和生成回答的时间不受限制。
row-moved = { $time } 的故障转移：
