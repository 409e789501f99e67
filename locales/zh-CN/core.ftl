# Core 的简体中文文案：操作被拒绝或失败时，命令行输出、窗口显示的句子。
# 每种语言的消息和参数都相同（core/src/locale 会检查这一点，并检查每条消息都有用到）。
# `-hint` 是命令行给出的解决方法（命令和参数）；`-fix`（如果有）是窗口给出的
# 解决方法（按钮和输入框）。

## 错误

error-codex-home-missing = CODEX_HOME 被设为 { $path }，但这个目录不存在。
error-codex-home-missing-hint = 请创建它（mkdir -p { $path }），或取消设置 CODEX_HOME。
error-no-home-dir = 找不到你的主目录。
error-no-home-dir-hint = 请设置 HOME，或传入 --codex-home DIR。
error-invalid-toml = { $path } 不是有效的 TOML（第 { $line } 行，第 { $column } 列）：{ $reason }。
error-invalid-toml-hint = 请手动修正该文件，或恢复一份备份（switchboard backups）；未写入任何内容。
error-invalid-toml-fix = 请手动修正该文件，或在“备份”中恢复一份备份；未写入任何内容。
error-wrong-type = config.toml 中的 `{ $key }` 是{ $found }，但 Codex 需要的是{ $expected }。
error-wrong-type-hint = 请手动修正 config.toml 中的 `{ $key }`；未写入任何内容。
error-unsupported-layout = 提供商 `{ $id }` 采用了 Switchboard 无法编辑的写法（{ $form }）。
error-unsupported-layout-hint = 请改写为 [model_providers.{ $id }] 表，或手动编辑；未写入任何内容。
error-reserved-id = `{ $id }` 是为 Codex 内置提供商保留的 ID。
error-reserved-id-hint = 请换一个 ID，例如 `ollama-local` 或 `my-openai`。
error-invalid-id = `{ $id }` 不是有效的提供商 ID。
error-invalid-id-hint = 只能使用字母、数字、`-` 和 `_`。
error-duplicate-id = 已存在 ID 为 `{ $id }` 的提供商。
error-duplicate-id-hint = 请换一个 --id，或用 `switchboard edit { $id }` 修改已有的那个。
error-duplicate-id-fix = 请换一个 ID，或点 `{ $id }` 的“编辑”来修改它。
error-unknown-provider = 没有 ID 为 `{ $id }` 的提供商。
error-unknown-provider-hint = 运行 `switchboard list` 查看你现有的提供商。
error-unknown-provider-fix = 它可能已在别处被移除；列表中显示的是你现有的提供商。
error-built-in = `{ $id }` 是 Codex 内置的提供商，无法修改或移除。
error-built-in-hint = 请改用其他 ID 添加你自己的提供商。
error-invalid-url = `{ $url }` 不能用作 { $what }：{ $reason }。
error-invalid-url-hint = 请使用完整的 http:// 或 https:// 地址，例如 https://openrouter.ai/api/v1。
error-wire-api = 不支持 wire_api `{ $value }`；Codex 只支持 Responses API。
error-wire-api-hint = 请使用提供 Responses API（POST /v1/responses）的提供商。
error-unknown-preset = 没有名为 `{ $preset }` 的预设。
error-unknown-preset-hint = 运行 `switchboard presets` 查看所有预设。
error-missing-input = { $preset } 预设需要 { $flag }。
error-missing-input-hint = 请传入 { $flag }。
error-missing-input-fix = 请填写提示中提到的输入框。
error-invalid-field = { $reason }
error-invalid-field-hint = 请检查填写的值后重试；未写入任何内容。
error-invalid-input = { $reason }
error-invalid-input-hint = 请检查填写的值后重试；未写入任何内容。
error-unspliceable = Switchboard 无法在不影响文件其余部分的情况下修改 config.toml 中的{ $key }。
error-unspliceable-hint = 请手动编辑 config.toml，或恢复一份备份；未写入任何内容。
error-active-provider = `{ $id }` 是当前使用的提供商。
error-active-provider-hint = 请先切换到其他提供商（switchboard use openai），或传入 --force。
error-active-provider-fix = 请先切换到其他提供商。
error-has-sessions = `{ $id }` 有 { $count } 个已保存的 Codex 会话；移除这个提供商后，Codex 将无法再恢复这些会话。
error-has-sessions-hint = 用 `switchboard sessions --provider { $id }` 查看这些会话；如果仍要移除该提供商，请传入 --force。未写入任何内容。
error-has-sessions-fix = 可在“会话”中查看这些会话；点“移除”后，还会再次请你确认。未写入任何内容。
error-empty-key = 密钥为空。
error-empty-key-hint = 请通过标准输入传入密钥，例如：printf %s "$KEY" | switchboard key set <id>。
error-empty-key-fix = 请把密钥粘贴到“密钥”输入框中。
error-no-key = 系统钥匙串中没有保存 `{ $id }` 的密钥。
error-no-key-hint = 用 `switchboard key set { $id }` 保存一个（密钥从标准输入读取）。
error-no-key-fix = 点“编辑”，把密钥粘贴到“密钥”输入框中。
error-no-secret-service = 没有运行中的 Secret Service，因此无法访问系统钥匙串。
error-no-secret-service-hint = 请登录桌面会话（GNOME Keyring 或 KWallet），或手动启动一个：dbus-run-session -- sh -c 'printf pass | gnome-keyring-daemon --unlock --components=secrets; exec $SHELL'。
error-no-secret-service-fix = 请登录带有钥匙串的桌面会话（GNOME Keyring 或 KWallet），然后重试。
error-keychain = 系统钥匙串拒绝了请求：{ $reason }。
error-keychain-hint = 请解锁钥匙串（它可能已锁定），然后重试。
error-concurrent-edit = Switchboard 保存 config.toml 时，该文件一直在被修改。
error-concurrent-edit-hint = 有其他程序正在编辑 config.toml；请稍后重试。
error-unknown-backup = 没有名为 `{ $name }` 的备份。
error-unknown-backup-hint = 运行 `switchboard backups` 查看备份名称。
error-unknown-backup-fix = 它可能已被自动清理；“备份”列表中显示的是保留下来的备份。
error-not-a-file = { $path } 是{ $kind }，不是普通文件。
error-not-a-file-hint = 请让它指向一个普通文件（或删除它，让 Switchboard 新建一个）；未写入任何内容。
error-too-large = { $path } 超过 { $limit } MB，远大于任何 Codex 配置文件；Switchboard 不会编辑它。
error-too-large-hint = 请确认该路径指向的是你的 Codex 配置文件；未写入任何内容。
error-disk-full = 磁盘已满：没有空间保存 { $path }。
error-disk-full-hint = 请释放一些磁盘空间后重试；未做任何更改。
error-bad-backup = 备份 `{ $name }` { $why }，因此无法恢复。
error-bad-backup-hint = 请选择其他备份（switchboard backups）；config.toml 未被更改。
error-bad-backup-fix = 请选择其他备份；config.toml 未被更改。
error-bad-share = 无法读取这份分享：{ $reason }。
error-bad-share-hint = 请索取新的链接或文件（用 `switchboard share` 生成）；未写入任何内容。
error-bad-share-fix = 请索取新的链接或文件（用“分享”生成）；未写入任何内容。
error-share-version = 这份分享的格式版本是 { $version }，而当前的 Switchboard 只能读取版本 1。
error-share-version-hint = 请更新 Switchboard，或索取由你当前版本生成的分享；未写入任何内容。
error-share-has-key = 这份分享包含机密信息（`{ $field }`），而 Switchboard 从不接受来自链接或文件的密钥。
error-share-has-key-hint = 请索取不含它的分享（`switchboard share` 会去掉密钥），并通过 --key-stdin 或 `switchboard key set` 提供你自己的密钥；未写入任何内容。
error-share-has-key-fix = 请索取不含它的分享（“分享”会去掉密钥），然后粘贴你自己的密钥；未写入任何内容。
error-share-runs-command = `{ $id }` 会让 Codex 运行分享发送者指定的程序：{ $command }
error-share-runs-command-hint = 请阅读这条命令；如果你信任它，请加上 --allow-command 重新导入。未写入任何内容。
error-share-runs-command-fix = 请阅读这条命令；如果你信任它，请勾选下方的复选框，然后重新导入。未写入任何内容。
error-id-taken = 已存在另一个 ID 为 `{ $id }` 的提供商。
error-id-taken-hint = 请用其他 ID 导入，例如 --id { $free }；未写入任何内容。
error-id-taken-fix = 请用其他 ID 导入，例如 { $free }；未写入任何内容。
error-nothing-to-secure-one = `{ $id }` 没有以明文或环境变量形式保存的密钥。
error-nothing-to-secure = 没有哪个提供商以明文或环境变量形式保存密钥。
error-nothing-to-secure-hint = 运行 `switchboard doctor` 查看你的密钥保存在哪里；未写入任何内容。
error-nothing-to-secure-fix = 每一行都显示了该密钥的位置；未写入任何内容。
error-unmovable-key = `{ $id }` 的 { $field } 中的密钥无法移动：Codex 只能以 `Authorization: Bearer` 的形式发送钥匙串中的密钥。
error-unmovable-key-hint = 请保留它，或手动改为令牌命令（switchboard edit { $id } --token-command ...）；未写入任何内容。
error-conflicting-keys = `{ $id }` 以明文保存了两个不同的密钥，Switchboard 无法判断该保留哪一个。
error-conflicting-keys-hint = 请手动从 [model_providers.{ $id }] 中删除错误的那个密钥，然后再次将它移入钥匙串；未写入任何内容。
error-env-unset = `{ $id }` 从 ${ $var } 读取密钥，但这里没有设置该变量。
error-env-unset-hint = 请在已设置 ${ $var } 的 shell 中运行（例如 `{ $var }=... switchboard secure { $id }`），或用 `switchboard key set { $id }` 保存密钥；未写入任何内容。
error-env-unset-fix = 请把密钥的值粘贴到上方的输入框中，将它保存到钥匙串；未写入任何内容。
error-cc-switch-missing = 在 { $path } 找不到 CC Switch 数据库。
error-cc-switch-missing-hint = 请用 --db PATH 指定数据库（CC Switch 可以移动它的文件夹，请查看它的设置）。
error-cc-switch-missing-fix = 请在上方输入框中填写数据库的路径（CC Switch 可以移动它的文件夹，请查看它的设置）。
error-cc-switch-version = { $path } 的架构版本为 { $version }，当前 Switchboard 无法识别（它支持 CC Switch 3.8 至 3.20，即版本 { $min } 至 { $max }）。
error-cc-switch-version-hint = 请更新 Switchboard，或用 `switchboard add` 手动添加这些提供商；未写入任何内容。
error-cc-switch-version-fix = 请更新 Switchboard，或在“添加提供商”中手动添加这些提供商；未写入任何内容。
error-cc-switch-read = 无法将 { $path } 作为 CC Switch 数据库读取：{ $reason }。
error-cc-switch-read-hint = 请确认该路径是 CC Switch 的 cc-switch.db；未写入任何内容。
error-io = 无法{ $action } { $path }：{ $reason }。
error-io-hint = 请确认该路径存在，并且你有写入权限。

## 上述错误句子中的组成部分：值被拒绝的原因（`reason-`）、URL 的用途及其问题（`url-`）、
## 文件类型（`kind-`）、TOML 类型（`type-`）、Switchboard 不编辑的写法（`layout-`）、
## config.toml 的组成部分（`part-`），以及无法对文件执行的操作（`io-`）

reason-detail = { $detail }
reason-id-fixed = ID 无法更改；请改为添加一个新的提供商，再移除当前这个。
reason-key-not-keychain = 提供了密钥，但这个提供商不使用钥匙串。
reason-model-name = `{ $model }` 不是可用的模型名称。
reason-nothing-chosen = 没有选择要导入的提供商。
reason-share-no-provider = 这份分享中没有提供商 `{ $id }`。
reason-share-key-not-keychain = 为 `{ $id }` 提供了密钥，但它不使用钥匙串。
reason-cc-no-provider = CC Switch 中没有 ID 为 `{ $id }` 的 Codex 提供商。
reason-cc-not-importable = `{ $name }` 无法导入：{ $why }
reason-cc-ready = 它已可以导入。
reason-cc-duplicate = 它的 API 地址和模型与 `{ $id }` 相同。
reason-cc-official = 它是官方条目，或是由 CC Switch 管理的登录方式，没有自己的密钥。
reason-cc-not-responses = 它要靠 CC Switch 从其他 API 转换；Codex 需要 Responses API。
reason-cc-unusable = 它的设置无法使用。
reason-cc-unreadable = 无法读取它在 CC Switch 中的设置：{ $why }。
reason-cc-settings-not-json = 其设置不是 JSON
reason-cc-config-not-toml = 其 Codex 配置不是有效的 TOML
reason-cc-no-table = 其中没有包含 id、app_type、name 和 settings_config 的 providers 表
reason-not-name-value = “{ $line }”不符合“名称=值”的格式。
reason-env-var-name = `{ $var }` 不是有效的环境变量名。
reason-env-header-var = `{ $var }`（用于请求头 { $header }）不是有效的环境变量名。
reason-context-window = “{ $text }”不是有效的上下文窗口：请填写 token 数，例如 128000、128k 或 1M（留空则由 Switchboard 自动确定）。
reason-context-window-range = 上下文窗口必须在 1,000 到 100,000,000 token 之间。
reason-azure-resource = `{ $resource }` 不是有效的 Azure 资源名称（只能包含字母、数字和连字符，即 https://<resource>.openai.azure.com 中的那一部分）。
reason-key-control = 密钥中包含换行符或控制字符；请只粘贴密钥本身。
reason-name-empty = 提供商名称为空。
reason-name-control = 提供商名称中包含换行符或控制字符。
reason-name-long = 提供商名称超过了 { $max } 个字符。
reason-bridge-key-in-file = 通过 Switchboard 桥接访问的提供商只能从钥匙串、环境变量或令牌命令获取密钥，不能写在 config.toml 中。
reason-bridge-own-url = 这个 API 地址是桥接自己的地址；请填写提供商的地址。
reason-bridge-url-query = 这个 API 地址无法通过桥接访问（其中包含查询参数或 # 片段）。
reason-header-name = `{ $name }` 不是有效的请求头名称（只能包含字母、数字和 !#$%&'*+-.^_`|~）。
reason-env-header-name = `{ $name }` 不是有效的“来自变量的请求头”名称（只能包含字母、数字和 !#$%&'*+-.^_`|~）。
reason-header-control = 某个请求头的值中包含换行符或控制字符。
reason-query-empty-name = 某个查询参数的名称为空。
reason-query-control = 某个查询参数中包含换行符或控制字符。
reason-token-command-empty = 令牌命令为空。
reason-token-command-not-started = 无法启动 `{ $id }` 的令牌命令（{ $program }）：{ $detail }。
reason-token-command-lost = 无法等待 `{ $id }` 的令牌命令（{ $program }）结束：{ $detail }。
reason-token-command-timeout = `{ $id }` 的令牌命令（{ $program }）未在 { $detail } 秒内完成。
reason-token-command-failed = `{ $id }` 的令牌命令（{ $program }）执行失败（{ $detail }）。
reason-token-command-not-text = `{ $id }` 的令牌命令（{ $program }）输出的内容不是文本。
reason-token-command-silent = `{ $id }` 的令牌命令（{ $program }）没有输出任何内容。
reason-keychain-locked = 它已锁定，或访问被拒绝（{ $detail }）
reason-backup-empty = 是空的
reason-backup-not-utf8 = 不是 UTF-8 文本
reason-backup-not-toml = 不是有效的 TOML（第 { $line } 行，第 { $column } 列）
reason-backup-unusable = 无法使用（{ $error }）
reason-share-too-large = 它比 Switchboard 生成的任何分享都大
reason-share-link-not-url = 链接不是有效的 URL
reason-share-link-scheme = 链接不是以 { $scheme }://import 开头
reason-share-link-version = 其中的版本号 `v` 不是数字
reason-share-no-version = 其中没有格式版本
reason-share-not-toml = 它既不是 { $scheme }:// 链接，也不是有效的分享文件（第 { $line } 行有 TOML 错误）
reason-share-version = `version` 不是数字
reason-share-provider-list = `provider` 不是由 [[provider]] 组成的表数组
reason-share-list-not-text = `{ $key }` 中含有文本以外的内容
reason-share-map-not-text = `{ $key }` 不是文本
reason-share-empty = 其中没有任何提供商
reason-share-too-many = 其中的提供商超过了 { $max } 个
reason-share-twice = 其中 `{ $id }` 出现了两次
reason-share-key-twice = 某个提供商给出了两次 `{ $key }`
reason-share-no-id = 某个提供商没有 `id`
reason-share-field-not-text = `{ $id }` 的 `{ $key }` 不是文本
reason-share-no-preset = `{ $id }` 没有 `preset`
reason-share-unknown-preset = `{ $id }` 指定的预设 `{ $preset }` 在当前版本的 Switchboard 中不存在
reason-share-no-model = `{ $id }` 没有 `model`
reason-share-no-auth = `{ $id }` 没有说明如何获取密钥（`auth`）
reason-share-bad-api = `{ $id }` 的 api = "{ $value }"；应为 responses 或 chat
reason-share-refresh = `{ $id }` 的 `refresh_interval_ms` 不是数字
reason-share-args = `{ $id }` 的 `args` 不是文本列表
reason-share-map-twice = `{ $id }` 的 `{ $key }` 出现了两次
reason-share-not-map = `{ $id }` 的 `{ $key }` 不是值为文本的表
reason-share-env-no-var = `{ $id }` 使用 auth = "env"，但没有指定 `env_key`
reason-share-command-missing = `{ $id }` 使用 auth = "command"，但没有指定 `command`
reason-share-bad-auth = `{ $id }` 的 auth = "{ $value }"；应为 keychain、env、command 或 none
reason-share-file-too-large = { $path } 太大，不可能是分享文件
reason-share-file-not-text = { $path } 不是文本（应为 { $scheme }:// 链接或 *{ $suffix } 文件）
reason-nothing-to-share = config.toml 中没有可分享的提供商。
reason-share-file-exists = { $path } 已存在，且不是分享文件；请换一个 --file。
reason-one-id-many = --id 只能指定一个提供商，但这份分享包含多个提供商。
reason-key-stdin-many = --key-stdin 只能提供一个密钥，但这份分享中有 { $count } 个提供商使用钥匙串；请先导入它们，再分别运行 `switchboard key set <id>`。
reason-secure-which = 请指定要把密钥移入钥匙串的提供商，或传入 --all（二者不能同时使用）。
reason-key-unreadable = 无法读取密钥：{ $error }。
reason-key-not-utf8 = 标准输入中的密钥不是 UTF-8 文本。
reason-timeout-range = --timeout 必须在 0 到 600 秒之间（收到的是 { $value }）。
url-base-url = API 地址
url-scheme = 必须以 http:// 或 https:// 开头
url-spaces = 其中包含空格或控制字符
url-userinfo = 不能包含用户名或密码
url-no-host = 没有主机名
url-port = 端口不是 0 到 65535 之间的数字
url-fragment = 不能包含 # 片段
kind-folder = 文件夹
kind-fifo = 命名管道（FIFO）
kind-socket = 套接字
kind-device = 设备文件
kind-special = 特殊文件
type-nothing = 空值
type-string = 字符串
type-integer = 整数
type-number = 浮点数
type-boolean = 布尔值
type-date = 日期时间
type-array = 数组
type-table = 表
type-array-of-tables = 表数组
type-positive-integer = 正整数
type-table-of-strings = 值为字符串的表
type-array-of-strings = 字符串数组
layout-inline-table = 内联表
layout-dotted-keys = 点分隔键
layout-sub-tables-only = 只有子表，没有自身的表
layout-dotted-or-bare = 点分隔键，或只有子表而没有自身的表
part-top-level-keys = 顶层键
part-provider-table = 提供商表
io-create = 创建
io-follow = 追踪符号链接
io-lock = 锁定
io-open = 打开
io-read = 读取
io-remove = 删除
io-replace = 替换
io-write = 写入

## 预设（名称保持原样；一句供选择时参考的说明，以及去哪里获取密钥）

preset-azure-about = 你的 Azure OpenAI / AI Foundry 资源；模型填你的部署名称。
preset-azure-key-help = Azure 门户 → 你的资源 → 密钥和终结点。
preset-vercel-about = 一个密钥即可使用多家厂商的模型；模型名称格式为 creator/model。
preset-vercel-key-help = Vercel 控制台 → AI Gateway → API keys。
preset-openrouter-about = 一个密钥即可使用数百个模型；模型名称形如 openai/gpt-5.3-codex。
preset-openrouter-key-help = openrouter.ai → Keys。
preset-ollama-about = 用 Ollama 0.13.3 或更高版本在这台电脑上运行的模型；无需密钥。
preset-ollama-key-help = 无需密钥。
preset-kimi-about = 月之暗面（Moonshot）的 Kimi K2 模型；只支持 Chat Completions，因此 Codex 通过 Switchboard 桥接访问它。在中国大陆请使用 https://api.moonshot.cn/v1。
preset-kimi-key-help = platform.moonshot.ai → API Keys（中国大陆请用 platform.moonshot.cn）。
preset-lmstudio-about = 用 LM Studio 在这台电脑上运行的模型；除非你开启了它的身份验证，否则无需密钥。
preset-lmstudio-key-help = 无需密钥；但如果开启了 LM Studio 的“Require Authentication”，请在它的服务器设置中获取密钥。
preset-kimi-coding-about = 月之暗面（Moonshot）的 Kimi Code 订阅（kimi-for-coding）；只支持 Chat Completions，因此 Codex 通过 Switchboard 桥接访问它。
preset-kimi-coding-key-help = kimi.com/code → 你的订阅对应的 API 密钥。
preset-glm-about = 智谱在 open.bigmodel.cn 上提供的 GLM 模型，按量付费；它的 Responses API（https://open.bigmodel.cn/api/v1）支持 Codex 的工具，因此 Codex 直接访问它。
preset-glm-key-help = bigmodel.cn → API Keys（bigmodel.cn/usercenter/proj-mgmt/apikeys）。
preset-glm-coding-about = 智谱的 GLM Coding Plan 订阅。智谱在它的 Responses API https://open.bigmodel.cn/api/v1 上为 Codex 提供该套餐（该套餐的 Chat Completions 地址是 https://open.bigmodel.cn/api/coding/paas/v4）。
preset-glm-coding-key-help = bigmodel.cn → Coding Plan → 你的套餐对应的 API 密钥（bigmodel.cn/coding-plan/personal/overview）。
preset-zai-about = 智谱国际平台 Z.ai 提供的 GLM 模型，按量付费；它的 Responses API（https://api.z.ai/api/v1）支持 Codex 的工具，因此 Codex 直接访问它。
preset-zai-key-help = z.ai → API Keys（z.ai/manage-apikey/apikey-list）。
preset-zai-coding-about = Z.ai 的 GLM Coding Plan 订阅。Z.ai 在它的 Responses API https://api.z.ai/api/v1 上为 Codex 提供该套餐（该套餐的 Chat Completions 地址是 https://api.z.ai/api/coding/paas/v4）。
preset-zai-coding-key-help = z.ai → Coding Plan（z.ai/subscribe）→ API Keys。
preset-deepseek-about = DeepSeek V4.1（deepseek-flash）；它位于 https://api.deepseek.com 的 Responses API 支持 Codex 的工具，因此 Codex 直接访问它。
preset-deepseek-key-help = platform.deepseek.com → API keys。
preset-qwen-about = 中国大陆的阿里云百炼（Model Studio）：提供 Qwen 模型，使用它的 Responses API。
preset-qwen-key-help = bailian.console.aliyun.com → API-Key（密钥只能在其所属地域使用）。
preset-qwen-intl-about = 面向中国大陆以外的阿里云百炼国际版（Model Studio，新加坡）：提供 Qwen 模型，使用它的 Responses API。
preset-qwen-intl-key-help = modelstudio.console.alibabacloud.com → API Key（密钥只能在其所属地域使用）。
preset-ark-about = 火山方舟（字节跳动）：提供豆包模型及其托管的其他模型，使用它的 Responses API。如果使用 Coding Plan 的密钥，请改用 https://ark.cn-beijing.volces.com/api/coding/v3。
preset-ark-key-help = console.volcengine.com → 火山方舟 → API Key 管理。
preset-minimax-about = 中国大陆的 MiniMax（api.minimaxi.com）；它的 Responses API 拒绝 Codex 的 apply_patch 和网页搜索，因此 Codex 通过 Switchboard 桥接访问它。
preset-minimax-key-help = platform.minimaxi.com → 账户 → API Keys（Token Plan 的密钥和按量付费的密钥不能互相替代）。
preset-minimax-intl-about = 中国大陆以外的 MiniMax（api.minimax.io）；它的 Responses API 拒绝 Codex 的 apply_patch 和网页搜索，因此 Codex 通过 Switchboard 桥接访问它。
preset-minimax-intl-key-help = platform.minimax.io → 账户 → API Keys（Token Plan 的密钥和按量付费的密钥不能互相替代）。
preset-mimo-about = 小米 MiMo 模型；它的 Responses API 拒绝 Codex 的 apply_patch 和网页搜索，因此 Codex 通过 Switchboard 桥接访问它。
preset-mimo-key-help = platform.xiaomimimo.com → 控制台 → API Keys。
preset-hunyuan-about = 通过 TokenHub 提供的腾讯混元（Hy）模型；使用 Chat Completions，通过 Switchboard 桥接。
preset-hunyuan-key-help = console.cloud.tencent.com → TokenHub → API Keys（需要 TokenHub 的密钥：Coding Plan 和 Token Plan 的密钥在这里无法使用）。
preset-stepfun-about = 阶跃星辰（StepFun）的 Step 模型；使用 Chat Completions，通过 Switchboard 桥接。在中国大陆以外请使用 https://api.stepfun.ai/v1。
preset-stepfun-key-help = platform.stepfun.com → API Keys（中国大陆以外请用 platform.stepfun.ai）。
preset-qianfan-about = 百度智能云千帆：文心（ERNIE）及其托管的开源模型；在测试确认它的 Responses API 支持 Codex 的工具之前，使用 Chat Completions，通过 Switchboard 桥接。
preset-qianfan-key-help = console.bce.baidu.com → IAM → API Keys。
preset-xai-about = xAI 的 Grok 模型，使用它的 Responses API。
preset-xai-key-help = console.x.ai → API Keys。
preset-groq-about = 在 Groq 的 LPU 上托管、速度很快的开源模型（gpt-oss、Llama、Qwen）；在测试确认它的 Responses API 支持 Codex 的工具之前，使用 Chat Completions，通过 Switchboard 桥接。
preset-groq-key-help = console.groq.com → API Keys。
preset-mistral-about = Mistral 的模型（Mistral Medium、Large、Devstral、Codestral）；使用 Chat Completions，通过 Switchboard 桥接，桥接会按 Mistral 的要求使用这一协议。它的 Responses API 仍处于预览阶段：在测试确认它支持 Codex 的工具之前，会继续使用桥接。
preset-mistral-key-help = console.mistral.ai → API Keys。
preset-chat-gateway-about = 任何只支持 Chat Completions（POST /v1/chat/completions）的网关：LiteLLM、vLLM、SiliconFlow、NVIDIA NIM 或公司内部代理。Codex 通过 Switchboard 桥接访问它。
preset-chat-gateway-key-help = 请询问网关的管理员。
preset-custom-about = 任何支持 OpenAI Responses API 的网关。
preset-custom-key-help = 请询问网关的管理员。

## Codex 访问提供商的方式：测试给出的说明、添加提供商时的发现，以及桥接学到的内容

path-direct = 直接访问，因为 { $name } 提供 Responses API，并接受了 Codex 发送的工具（函数、apply_patch 和网页搜索）。
path-direct-no-patch = 直接访问，但不使用 apply_patch：{ $name } 的 Responses API 拒绝了它（{ $said }），因此 Codex 在这里改用 shell 命令修改文件。
path-direct-unchecked = 按 { $name } 当前的设置直接访问；测试无法确定它的 Responses API 是否支持 Codex 发送的工具。
path-bridge = 通过 Switchboard 桥接访问，桥接用 Chat Completions 与 { $name } 通信。
path-bridge-no-responses = 通过 Switchboard 桥接访问，因为 { $host } 没有 Responses API（POST /responses 返回 { $status }）。
path-bridge-tools-refused = 通过 Switchboard 桥接访问，因为 { $host } 的 Responses API 拒绝了 Codex 发送的工具（{ $said }）；经过桥接，这些工具会变成提供商接受的函数。
path-offer-direct = { $host } 现在提供 Responses API，并接受了 Codex 发送的工具：Codex 可以不经桥接，直接访问它。
path-offer-direct-url = { $url } 提供 Responses API，并接受了 Codex 发送的工具：Codex 可以不经桥接，通过这个地址直接访问 { $name }。
path-chose-direct = { $name } 提供 Responses API，并接受了 Codex 发送的工具，因此 Codex 直接访问它。
path-chose-direct-url = { $name } 在 { $url } 提供 Responses API，并在那里接受了 Codex 发送的工具，因此 Codex 通过这个地址直接访问它。
path-chose-no-patch = { $name } 的 Responses API 拒绝了 apply_patch（{ $said }），而它又没有 Chat Completions API，因此 Codex 直接访问它，并用 shell 命令修改文件。
path-chose-bridge-no-responses = { $host } 没有 Responses API（POST /responses 返回 { $status }），因此 Codex 通过 Switchboard 桥接访问它。
path-chose-bridge-tools = { $host } 的 Responses API 拒绝了 Codex 发送的工具（{ $said }），因此 Codex 通过 Switchboard 桥接访问它，这些工具会在桥接中变成函数。
lesson-no-stream-options = { $name } 拒绝了 `stream_options`；桥接不再发送它。
lesson-no-parallel-tool-calls = { $name } 拒绝了 `parallel_tool_calls`；桥接不再发送它。
lesson-no-reasoning-effort = { $name } 拒绝了 `reasoning_effort`；桥接不再发送它。
lesson-no-reasoning-back = { $name } 不接受之前的消息中附带的它自己的推理内容；桥接不再把推理内容回传给它。
lesson-reasoning-on-calls = { $name } 要求每次工具调用都附带它自己的推理内容；桥接现在会回传推理内容，没有保留推理内容时则发送占位内容。
lesson-short-tool-ids = { $name } 要求工具调用 ID 由 9 个字母或数字组成；桥接现在会缩短这些 ID。
lesson-assistant-after-tool = { $name } 不接受紧跟在工具结果之后的用户消息；桥接现在会在两者之间插入一条简短的助手消息。

## 测试（每个步骤显示的一行、结论的句子及其解决方法；`-hint` 按命令行的用法措辞）

test-tools-refused = { $name } 的 Responses API 有响应，但拒绝了 Codex 发送的工具（{ $said }）。
test-tools-refused-hint = 以目前的状态，Codex 无法通过这个 Responses API 工作；请询问它的管理员，或换一个提供商。
test-tools-refused-bridge-hint = 让 Codex 通过 Switchboard 桥接访问它，这些工具会在桥接中变成它接受的函数：`switchboard edit { $id } --api chat`。
test-tools-refused-bridge-fix = 让 Codex 通过 Switchboard 桥接访问它，这些工具会在桥接中变成它接受的函数。

test-timeout-key = 未能在 { $secs } 秒内读取到密钥。
test-timeout-key-hint = 钥匙串或令牌命令可能正在等你解锁或登录；请重试。
test-timeout-host = { $host } 在 { $secs } 秒内没有响应。
test-timeout-host-hint = 提供商可能负载过高，或者防火墙拦截了请求；请重试，或调大 --timeout 的值。
test-timeout-host-fix = 提供商可能负载过高，或者防火墙拦截了请求；请稍后重试。
test-late = 时限内没有响应。
test-keychain-unreadable = 无法读取钥匙串。
test-openai-signed-in-file = Codex 已登录 OpenAI（{ $path }）。
test-openai-signed-in-keychain = Codex 已登录 OpenAI（登录信息保存在系统钥匙串中）。
test-openai-signed-out = Codex 尚未登录 OpenAI。
test-openai-signed-out-hint = 请在终端中运行 `codex login`。
test-config-ok = { $url }，{ $key }
test-bridge-ok = { $reached }；Switchboard 桥接在 127.0.0.1:{ $port } 上响应
test-bridge-down = Codex 要通过 Switchboard 桥接访问这个提供商，但桥接无法运行：{ $why }
test-bridge-down-hint = 运行 `switchboard bridge status`；如果端口被其他程序占用，请停止该程序或换一个端口（设置 SWITCHBOARD_BRIDGE_PORT，然后运行 `switchboard edit <id> --api chat`）。
test-bridge-down-fix = 如果端口被其他程序占用，请停止该程序，然后重新测试。
test-bridge-url = 提供商的 API 地址无法通过桥接访问
test-codex-failed = 提供商已响应 Switchboard，但 Codex 运行失败：{ $line }
test-codex-failed-hint = 请自己运行同一条 codex 命令，查看完整输出。
test-codex-ok = codex exec 已回复
test-ok = { $name } 已通过 Responses API 用 { $model } 正常响应；Codex 可以正常使用。
test-ok-bridged = { $name } 已通过 Switchboard 桥接用 { $model } 正常响应（桥接用 Chat Completions 与它通信）；Codex 可以正常使用。
test-key-keychain = 密钥来自系统钥匙串
test-key-env = 密钥来自 ${ $var }
test-key-command = 令牌来自 `{ $command }`
test-key-none = 无密钥
test-key-file = 密钥写在 config.toml 中
test-keychain-empty = 系统钥匙串中没有保存 `{ $id }` 的密钥。
test-keychain-empty-hint = 用 `switchboard key set { $id }` 粘贴你的密钥（它从标准输入读取）。
test-keychain-empty-fix = 点“编辑”，把你的密钥粘贴到“密钥”输入框中。
test-env-unset = 没有设置环境变量 { $var }，因此 Codex 没有 `{ $id }` 的密钥。
test-env-unset-hint = 请在启动 Codex 的 shell 中导出 { $var }，或把密钥保存到钥匙串：`switchboard key set { $id }`。
test-env-unset-fix = 请在启动 Codex 的环境中设置 { $var }，或者点“编辑”，改为把密钥保存在钥匙串中。
test-command-timeout = 令牌命令 `{ $command }` 未在 { $secs } 秒内完成。
test-command-timeout-hint = 请自己运行它：它可能在等你登录或回答提示。
test-command-not-started = 无法启动令牌命令 `{ $command }`：{ $error }。
test-command-not-started-hint = 请确认它已安装并且在 PATH 中，或填写它的绝对路径。
test-command-failed = 令牌命令 `{ $command }` 执行失败（{ $status }）：{ $line }
test-command-failed-hint = 请自己运行它，查看失败原因；你可能需要重新登录（例如 `az login`）。
test-command-silent = 令牌命令 `{ $command }` 没有输出任何内容。
test-command-silent-hint = 它必须把令牌输出到标准输出。
test-header-bad-name = { $table } 中的请求头名称 `{ $name }` 不是有效的 HTTP 请求头名称，因此无法发送。
test-header-bad-name-hint = 请求头名称只能包含字母、数字和 !#$%&'*+-.^_`|~；请用 `switchboard edit { $id } --header NAME=VALUE` 或在 config.toml 中修正。
test-header-bad-name-fix = 请求头名称只能包含字母、数字和 !#$%&'*+-.^_`|~；请点“编辑”修正，或在 config.toml 中修正。
test-header-control = 无法发送请求头 `{ $name }`：其中包含换行符或其他控制字符。
test-header-control-hint = 请删除请求头 `{ $name }` 中的控制字符。
test-header-env-control = 请求头 `{ $name }` 所用的 ${ $var } 的值无法发送：其中包含换行符或其他控制字符。
test-header-env-control-hint = 请删除 ${ $var } 的值中的控制字符（该值用于请求头 `{ $name }`）。
test-reached = 已连接到 { $host }（{ $addr }）
test-dns = 找不到主机名 { $host }（DNS）。
test-dns-hint = 请检查 API 地址的拼写，并确认你所在的网络（或 VPN）能识别这个主机。
test-ollama-down = Ollama 没有在 { $host }:{ $port } 上运行。
test-ollama-down-hint = 用 `ollama serve` 启动它（或打开 Ollama 应用），然后重新测试。
test-refused = { $host }:{ $port } 上没有程序在监听：连接被拒绝。
test-refused-hint = 请检查 API 地址中的端口，并确认服务器正在运行。
test-unreachable = 无法连接到 { $host }:{ $port }。
test-network-hint = 请检查你的网络、VPN 或代理。
test-models-listed = 列出了 { $count } 个模型
test-models-answered = 有响应，但没有 Switchboard 能读取的模型列表
test-models-too-large = GET /models 的响应超过 { $mb } MB；Switchboard 已停止读取
test-models-status = GET /models 返回 { $status }
test-models-html = GET /models 返回了一个网页
test-models-failed = GET /models 失败
test-redirect-other-host = API 地址重定向到了另一个主机（{ $host }）；Switchboard 没有带着你的密钥跟过去。
test-redirect = API 地址被重定向（{ $status }）到 { $url }。
test-redirect-hint = 如果你信任这个地址，请把它用作 API 地址：`switchboard edit { $id } --base-url { $url }`。
test-redirect-fix = 如果你信任这个地址，请点“编辑”，把它设为 API 地址：{ $url }
test-not-stream = 提供商对 /responses 的响应不是流式的（没有 text/event-stream），Codex 无法使用。
test-not-stream-hint = 请确认该提供商的 Responses API 支持流式传输。
test-streamed = 已流式传输至 response.completed
test-streamed-partly = 已流式传输（收到了 response.created；流在 response.completed 之前结束）
test-stream-failed = 提供商开始响应后出错：{ $message }
test-stream-failed-unsaid = 提供商报告了一个错误
test-stream-failed-hint = 请重试；如果一直失败，请换一个模型试试。
test-stream-capped = 提供商的流式响应超过 { $mb } MB 仍未出现 response.completed；Switchboard 已停止读取。
test-other-protocol-hint = 该端点可能使用的是其他协议；请确认它实现了 POST /v1/responses。
test-no-events = 提供商的流式响应中没有 Responses API 事件（没有 response.created）。
test-unauthorized = 提供商拒绝了密钥（{ $status }）。
test-unauthorized-said = 提供商拒绝了密钥（{ $status }）：{ $said }。
test-unauthorized-hint = 请检查密钥，或用 `switchboard key set { $id }` 粘贴新的密钥。
test-unauthorized-fix = 请检查密钥，或点“编辑”粘贴新的密钥。
test-rate-limited = 提供商提示请求过多（429）：密钥可用，但已达到速率限制或额度已用完。
test-rate-limited-hint = 请等待一分钟，或在提供商处查看你的套餐和额度。
test-server-error = 提供商发生内部错误（{ $status }）；问题出在提供商那边。
test-server-error-hint = 请过几分钟再试，或查看提供商的状态页面。
test-api-version = Azure 拒绝了 api-version。
test-api-version-named = Azure 拒绝了 api-version `{ $version }`。
test-api-version-hint = 使用 /openai/v1 这个 API 地址时，不要填写 api-version（`switchboard edit { $id } --api-version ""`）；使用旧的 /openai 路径时，请填写受支持的版本，例如 2025-04-01-preview。
test-api-version-fix = 使用 /openai/v1 这个 API 地址时，api-version 请留空（点“编辑”）；使用旧的 /openai 路径时，请填写受支持的版本，例如 2025-04-01-preview。
test-status = 提供商返回了 { $status }。
test-status-said = 提供商返回了 { $status }：{ $said }。
test-status-hint = 请对照提供商的文档，检查 API 地址、模型和请求头。
test-model-unknown = 提供商找不到模型 `{ $model }`。
test-model-unknown-offers = 提供商找不到模型 `{ $model }`。它提供的模型有：{ $models }。
test-model-unknown-hint = 请从提供商的模型中选一个（选择模型时会列出它们），或检查拼写。
test-chat-only = { $name } 有响应，但没有 Responses API（POST /responses 返回 { $status }）：它只支持 Chat Completions，而 Codex 需要 Responses API。
test-chat-only-bridge-hint = 让 Codex 通过 Switchboard 桥接访问它，桥接会用 Chat Completions 与它通信：`switchboard edit { $id } --api chat`。
test-chat-only-bridge-fix = 让 Codex 通过 Switchboard 桥接访问它，桥接会用 Chat Completions 与它通信。
test-chat-only-hint = 请使用支持 /v1/responses 的提供商或网关版本（Ollama 需要 0.13.3 或更高版本）。
test-web-page = 你的 API 地址返回的是网页，而不是 API。
test-web-page-known-hint = 你的 API 地址返回的是网页。{ $name } 的 API 位于 { $url }。
test-web-page-hint = 这个 API 地址指向的是网页，而不是 API；它通常以 /v1 结尾。
test-nothing-here = { $url } 处没有任何响应：/models 和 /responses 都返回 404。
test-use-url-hint = 请使用 { $url }。
test-path-hint = 请检查路径：大多数提供商的 API 位于 /v1 下（例如 https://host/v1）。
test-stopped = { $host } 中途停止了响应。
test-stopped-hint = 请重试，或调大 --timeout 的值。
test-stopped-fix = 请稍后重试。
test-tls = 与 { $host } 的安全连接（TLS）失败。
test-tls-plain-hint = 服务器在这个端口上不使用 HTTPS；请改用 http:// 试试。
test-tls-hint = 可能有代理或防火墙在拦截 TLS，或者这台电脑不信任服务器的证书。
test-connect-failed = 连接 { $host } 失败。
test-request-failed = 请求失败：{ $detail }
test-request-failed-hint = 请检查 API 地址后重试。
test-wire-api = wire_api 为 "{ $value }"，Codex 已不再接受这个值；它只支持 Responses API。
test-wire-api-hint = 如果提供商支持，请设置 wire_api = "responses"；否则请换一个支持它的提供商。
test-auth-conflict = 该提供商既有 [auth] 表，又有 env_key、experimental_bearer_token 或 requires_openai_auth；Codex 会拒绝加载这样的配置。
test-auth-conflict-hint = 只保留一种提供密钥的方式：运行 `switchboard edit { $id } --key-stdin`，让 Switchboard 整理它。
test-auth-conflict-fix = 只保留一种提供密钥的方式：点“编辑”，粘贴密钥并保存，Switchboard 会自动整理。
test-no-base-url = 该提供商没有 base_url。
test-no-base-url-hint = 用 `switchboard edit { $id } --base-url URL` 设置一个。
test-no-base-url-fix = 点“编辑”，填写 API 地址。
test-unparsable-url = 无法解析 API 地址 { $url }。
test-unparsable-url-hint = 用 `switchboard edit { $id } --base-url URL` 设置一个地址，例如 https://host/v1。
test-unparsable-url-fix = 点“编辑”，填写形如 https://host/v1 的 API 地址。
test-url-tail = 你的 API 地址以 { $tail } 结尾，但 Codex 会自己加上 /responses。
test-url-tail-hint = 请把 { $url } 用作 API 地址：`switchboard edit { $id } --base-url { $url }`。
test-url-tail-fix = 点“编辑”，把 API 地址改为 { $url }。
test-url-path = { $host } 的 API 位于 { $path } 下，而你的 API 地址缺少这一部分。
test-url-path-hint = 请使用 { $url }：`switchboard edit { $id } --base-url { $url }`。
test-url-path-fix = 点“编辑”，把 API 地址改为 { $url }。
test-azure-path = Azure OpenAI 的 API 位于 /openai 下，而你的 API 地址缺少这一部分。

## 托盘（菜单和通知）

tray-test = 测试当前提供商
tray-open = 打开 Switchboard
tray-quit = 退出
tray-title = Codex：{ $provider }
tray-openai = OpenAI（默认）
tray-switched = Codex 现在使用 { $provider }
tray-switched-model = Codex 现在使用 { $provider }，模型 { $model }
tray-switch-failed = 无法切换：{ $reason }

## 操作之后（命令行输出的一行、窗口的提示）

op-switched = Codex 现在使用 `{ $id }`，模型为 { $model }。
op-switched-default = Codex 现在使用 `{ $id }`，模型为 Codex 的默认模型。
op-sessions-kept = 你在 `{ $prev }` 下的会话仍保存在磁盘上：`switchboard sessions --provider { $prev }` 会列出它们，并附上恢复每个会话的命令。
op-sessions-kept-in-window = 你在 `{ $prev }` 下的会话仍保存在磁盘上：“会话”中会列出它们，并附上恢复每个会话的命令。
op-added = 已添加 { $name }，ID 为 `{ $id }`，模型为 { $model }。用 `switchboard use { $id }` 切换到它。
op-added-in-window = 已添加 { $name }，ID 为 `{ $id }`，模型为 { $model }。点它所在行的“使用”即可切换到它。
op-imported = 已添加 { $name }，ID 为 `{ $id }`，模型为 { $model }。
op-import-same = `{ $id }` 的设置已与此完全相同，未做任何更改。
op-removed = 已移除 `{ $id }`。
op-removed-active = Codex 已切回默认提供商（openai）。
op-removed-sessions = 它的 { $count } 个会话仍保存在磁盘上；一旦再有 ID 为 `{ $id }` 的提供商，Codex 就能继续恢复它们。
op-updated = 已更新 `{ $id }`。
op-key-stored = 已把 `{ $id }` 的密钥存入系统钥匙串。
op-key-stored-switched = 已把 `{ $id }` 的密钥存入系统钥匙串；Codex 现在从那里读取它。
op-key-deleted = 已从系统钥匙串删除 `{ $id }` 的密钥。
op-key-none = `{ $id }` 没有保存密钥。
op-restored = 已恢复 { $name }。
op-restore-same = config.toml 已与 { $name } 一致，无需操作。
op-warn-no-key = 还没有保存 `{ $id }` 的密钥：请运行 `switchboard key set { $id }`。
op-warn-no-key-in-window = 还没有保存 `{ $id }` 的密钥：请点“编辑”，把密钥粘贴到“密钥”输入框中。
op-warn-key-not-deleted = 提供商已移除，但无法从钥匙串中删除它的密钥：{ $error }
op-secured =
    { $count ->
       *[other] 已把 { $ids } 的密钥移入系统钥匙串；Codex 现在从那里读取。
    }
op-secured-no-backup = switchboard-backups/ 中没有哪份备份含有明文密钥。
op-secured-scrubbed = 已从 Switchboard 自己的 switchboard-backups/ 文件夹里的 { $count } 份备份中清除了明文密钥；其他文件均未改动。
op-cc-nothing = 没有可导入的内容：CC Switch 中的每个 Codex 提供商要么已经在这里，要么无法使用。
op-cc-imported = 已从 CC Switch 导入 { $count } 个提供商：{ $list }。{ $keys } 个密钥已存入系统钥匙串；Switchboard 只读取了 CC Switch 的数据库，未做任何修改。

## 组织层面高于 config.toml 的配置（`use`、`list`、`doctor`、窗口顶栏）

managed-sets = 你所在组织的 { $file } 设置了 `{ $key }`{ $shown }，其优先级高于 config.toml：无论 Switchboard 选择什么，Codex 都会使用它。
managed-system = config.toml 没有设置 `{ $key }`，因此由系统文件 { $file } 决定它的值{ $shown }。
managed-rule = 你所在组织的 { $file } 设置了规则 `{ $key }`；Codex 会强制执行该规则，config.toml 无法覆盖。
managed-mdm = 你所在组织的配置描述文件（{ $file }）管理着 Codex，可能会设置提供商或模型。

## 分享：生成分享时省略的内容，以及读取分享时忽略的内容

share-omitted-header = `{ $id }` 的请求头 `{ $header }` 看起来像凭据，因此没有包含在分享中。
share-omitted-file-key = `{ $id }` 的密钥写在 config.toml 中；分享中不包含它，接收者需要提供自己的密钥。
share-omitted-args = `{ $id }` 的令牌命令中有一个参数看起来像凭据，因此没有包含这些参数。
share-ignored = 已忽略 `{ $key }`：当前版本的 Switchboard 不认识它。
share-ignored-before-id = 已忽略 `{ $key }`：它出现在所有提供商的 `id` 之前。
share-ignored-field = 已忽略 `{ $id }` 的 `{ $key }`：当前版本的 Switchboard 不认识它。
share-ignored-field-typed = 已忽略 `{ $id }` 的 `{ $key }`（{ $type }）：当前版本的 Switchboard 不认识它。

## doctor 的检查项（`switchboard doctor`；检查项名称和状态始终保持不变）

doctor-config-ok = { $path } 可以正常加载
doctor-profile-key = config.toml 的顶层有 `profile = ...`，当前版本的 Codex 会将其视为错误。
doctor-profile-key-hint = 请删除这一行，改用 NAME.config.toml 文件配合 `codex -p NAME`。
doctor-profiles = config.toml 中有旧式的 [profiles.*] 表，当前版本的 Codex 会忽略它们。
doctor-profiles-hint = 请把每个表分别移到各自的 $CODEX_HOME/NAME.config.toml 中，然后运行 `codex -p NAME`。
doctor-profiles-none = 没有旧式的 profile 设置
doctor-active-ok = 当前使用的提供商 `{ $id }` 已定义
doctor-active-missing = model_provider 为 `{ $id }`，但没有 [model_providers.{ $id }] 表：Codex 将无法启动。
doctor-active-missing-hint = 请用 `switchboard use <id>` 选择一个已有的提供商。
doctor-managed-none = 没有组织层面的配置指定提供商或模型
doctor-managed-hint = 请联系这台电脑的管理员修改 { $file }；Switchboard 不会编辑它。
doctor-builtin-keys = [model_providers.{ $id }] 设置了 { $keys }，但 Codex 内置的提供商 `{ $id }` 不接受这些键，因此无论使用哪个提供商，Codex 都会拒绝启动。
doctor-builtin-keys-hint = 请从该表中删除 { $keys }，或将该表重命名（例如改为 { $id }-custom），并相应地更新 model_provider。
doctor-builtin-id = { $tables } 使用了 Codex 内置的 ID，因此 Codex 会拒绝加载整个文件。
doctor-builtin-id-hint = 请将该表重命名（例如改为 ollama-local），并相应地更新 model_provider。
doctor-builtin-none = 没有提供商使用保留的 ID
doctor-bridge-running = Switchboard 桥接正在 127.0.0.1:{ $port } 上运行（pid { $pid }，正在转发 { $streams } 个流），供 { $users } 使用
doctor-bridge-older = 127.0.0.1:{ $port } 上运行的是旧版 Switchboard 桥接（版本 { $version }），供 { $users } 使用；Codex 下次启动它时会将其替换
doctor-bridge-stopped = Switchboard 桥接（127.0.0.1:{ $port }，供 { $users } 使用）未在运行；Codex 会在需要时启动它
doctor-bridge-taken = 127.0.0.1:{ $port } 被其他程序占用，而 { $users } 所用的 Switchboard 桥接要在这里运行：Codex 无法访问这些提供商。
doctor-bridge-taken-hint = 请停止该程序，或把桥接换到其他端口：设置 SWITCHBOARD_BRIDGE_PORT，然后对每个提供商运行 `switchboard edit <id> --api chat`。
doctor-bridge-state-hint = 请确认 $XDG_RUNTIME_DIR 属于你本人且可写。
doctor-catalog-ok = Codex 从 { $file } 读取模型（包括 Codex 自己的列表，以及 Switchboard 描述的模型）
doctor-catalog-missing = config.toml 指定了 { $file }，但它不存在或无法读取：Codex 将无法启动。
doctor-catalog-missing-hint = 请再次运行 `switchboard use <provider>` 来写入它，或运行 `switchboard use openai`。
doctor-catalog-own = config.toml 指定了你自己的模型目录；Switchboard 不会改动它，也不会向 Codex 描述任何模型
doctor-plain-none = 没有以明文保存的密钥
doctor-plain = 有 { $count } 个密钥以明文保存：{ $list }
doctor-plain-hint = 请用 `switchboard secure --all` 把它们移入钥匙串。
doctor-plain-stuck-hint = 请用 `switchboard secure --all` 把它们移入钥匙串（Authorization 和 api-key 以外的请求头会保留原处：Codex 只能把钥匙串中的密钥作为 Bearer 令牌发送）。
doctor-env-none = 没有依赖 shell 变量的密钥
doctor-env = 仅存在于环境变量中的密钥（从程序坞、IDE 或 Codex 应用启动的 Codex 读不到）：{ $list }
doctor-env-hint = 请在已设置该变量的 shell 中运行 `switchboard secure <id>`，把密钥保存到钥匙串。

## 命令行自己输出的行（标签 `error:`、`hint:` 和 `warning:` 始终保持不变）

cli-fix = 解决方法：{ $fix }
cli-models = 模型：{ $list }
cli-path = 连接方式：{ $why }
cli-path-offer = 更好的方式：{ $why }请运行 `{ $command }`。
cli-learnt = 已学到：{ $lesson }
cli-model = 模型 { $model }
cli-no-backups = 还没有备份。Switchboard 每次修改 config.toml 前都会先创建一份。
cli-backup = { $name }  { $taken } UTC  { $size } 字节
cli-backup-taken = 修改前 config.toml 的备份：{ $name }
cli-backup-scrubbed = 修改前 config.toml 的备份（已清除明文密钥）：{ $name }
cli-no-providers = 还没有可测试的提供商。用 `switchboard add <preset>` 添加一个。
cli-asks-for = 需要提供：{ $fields }
cli-codex-home = Codex 主目录：{ $path }
cli-key-stored = 密钥：已保存
cli-key-missing = 密钥：未保存
cli-key-unknown = 密钥：未知（无法访问钥匙串）
cli-key-env = 密钥来自环境变量
cli-key-command = 密钥来自命令
cli-key-file = 密钥在 config.toml 中（明文）
cli-key-openai = OpenAI 登录
cli-key-none = 无密钥
cli-sessions = { $count } 个会话
cli-share-wrote = 已写入 { $path }（其中不含密钥）。
cli-left-out = 已省略：{ $what }
cli-import-provider = { $id }（{ $preset }）：{ $name }，位于 { $host }，模型 { $model }
cli-needs-allow-command = （未加 --allow-command 时会被拒绝）
cli-secure-moved = 已移入  { $what }
cli-secure-kept = 已保留  { $what }
cli-secure-deleted = 已删除 { $count } 份以其他写法含有该密钥的备份：{ $names }
cli-dry-run = 试运行：未写入任何内容。
cli-cc-switch-to = 用 `switchboard use { $id }` 切换到其中一个。
cli-cc-database = CC Switch 数据库：{ $path }（架构版本 { $version }）
cli-cc-empty = 其中没有 Codex 提供商。
cli-cc-ready = 导入为 `{ $id }`（{ $preset } 预设，无密钥）
cli-cc-ready-key = 导入为 `{ $id }`（{ $preset } 预设，密钥存入钥匙串）
cli-cc-duplicate = 已作为 `{ $id }` 存在（API 地址和模型相同）
cli-cc-official = 已跳过：这是官方条目，或是由 CC Switch 管理的登录方式，没有自己的密钥（Codex 已内置 OpenAI 登录）
cli-cc-not-responses = 已跳过：这个上游要靠 CC Switch 从其他 API 转换；Codex 需要 Responses API
cli-cc-unusable = 已跳过：{ $why }
cli-no-sessions-for = { $path } 中没有 `{ $id }` 的已保存 Codex 会话。
cli-no-sessions = { $path } 中没有已保存的 Codex 会话。
cli-no-message = （无消息）
cli-session-in = 工作目录：{ $path }
cli-session-resume = 恢复：{ $command }
cli-bridge-running = 桥接正在 127.0.0.1:{ $port } 上运行（pid { $pid }，版本 { $version }），正在转发 { $streams } 个流。
cli-bridge-stopped = 桥接未在 127.0.0.1:{ $port } 上运行；Codex 会在需要时启动它。
cli-bridge-taken = 127.0.0.1:{ $port } 上有其他程序在响应，因此桥接无法在那里运行。
cli-bridge-ending = 桥接将在当前的流全部结束后停止。
cli-bridge-was-stopped = 桥接本来就没有运行。

## 分享的注意事项（命令行在导入前输出）

share-caution-plain-http = { $host } 通过普通的 http:// 访问，密钥会以未加密的形式在网络上传输。
share-caution-unusual-host = { $host } 不是这个预设通常使用的主机（{ $usual }）。
share-caution-runs-command = Codex 会运行这条命令来获取令牌：{ $command }

## 无法连接 Switchboard 桥接的原因（Codex 日志中的一行，以及测试给出的原因）

bridge-port-taken = 127.0.0.1 上的端口 { $port } 被其他程序占用，Switchboard 桥接无法在此启动；请停止该程序，或用 SWITCHBOARD_BRIDGE_PORT 和 `switchboard edit <id> --api chat` 把桥接换到其他端口
bridge-no-answer = 桥接已在 127.0.0.1:{ $port } 上启动，但没有响应；请运行 `switchboard doctor` 查看
bridge-files = 无法使用桥接的运行时目录：{ $detail }
bridge-spawn = 无法启动桥接：{ $detail }

## Codex 对模型的了解（测试结果的最后一行、列表行的提示）

# { $window } 是 model-window- 中的一条，{ $patch } 是 model-patch- 中的一条。
model-summary = { $model }：{ $window }；{ $patch }。
model-window-you = 上下文窗口 { $tokens } token（你设置的）
model-window-provider = 上下文窗口 { $tokens } token（来自 { $source } 的模型列表）
model-window-family = 上下文窗口 { $tokens } token（{ $source }）
model-window-codex = 上下文窗口 { $tokens } token（Codex 已知为 { $source }）
model-window-default = 上下文窗口未知，按 { $k }k 计算
model-patch-bridge = Codex 用 apply_patch 修改文件，由桥接转为函数调用
model-patch-accepted = Codex 用 apply_patch 修改文件（提供商支持自定义工具）
model-patch-refused = 不使用 apply_patch：提供商拒绝自定义工具，Codex 改用 shell 命令修改文件
model-patch-untested = 测试确认提供商支持自定义工具之前，不使用 apply_patch
model-patch-codex = Codex 用 apply_patch 修改文件
model-patch-codex-shell = Codex 用 shell 命令修改文件

# The router (issue 22)
path-offer-bridge-patch = 通过 Switchboard 桥接，Codex 可以在 { $host } 上用 apply_patch 编辑文件：在桥接中它会变成 { $host } 接受的函数。
op-switched-routed = Codex 现在通过 Switchboard 使用 `{ $id }`，模型为 { $model }：跟随 Switchboard 选择的会话会在下一轮切换过去。
op-routed-first = 从现在起，Codex 把 Switchboard 的所有提供商当作一个提供商 `switchboard` 来访问：每个模型都在 Codex 的 /model 选择器中，切换会传到正在运行的会话，无论切换到哪里，新会话都保持在一起。
op-models-listed = Codex 列出 `{ $id }` 的这些模型：{ $models }。
op-route-direct = 从下次使用起，Codex 将作为独立提供商直接访问 `{ $id }`（之后它的会话会单独存放）。
op-route-router = 从下次使用起，Codex 将重新通过 Switchboard 访问 `{ $id }`。
cli-route-router = 通过 Switchboard
cli-route-direct = 直接访问，作为独立提供商
cli-models-available = 它还提供：{ $list }

# doctor：路由
doctor-router-running = Switchboard 的路由运行在 127.0.0.1:{ $port }（pid { $pid }），正在承载 { $streams } 个流
doctor-router-older = 127.0.0.1:{ $port } 上运行的是旧版 Switchboard 路由（版本 { $version }）；Codex 会在下一次请求时替换它
doctor-router-stopped = Switchboard 的路由（127.0.0.1:{ $port }）未运行；Codex 需要时会启动它
doctor-router-taken = 另一个程序占用了 Switchboard 路由所用的 127.0.0.1:{ $port }：Codex 无法访问 Switchboard 的提供商。
doctor-router-taken-hint = 请停止那个程序，或者换一个端口：设置 SWITCHBOARD_BRIDGE_PORT 后重新运行 `switchboard use <id>`。
doctor-router-current = Codex 的模型 `{ $slug }` 发往 `{ $id }`，模型 { $model }
doctor-router-unrouted = Codex 的模型 `{ $slug }` 不是 Switchboard 的模型：Codex 的下一个请求会被拒绝。
doctor-router-unrouted-hint = 运行 `switchboard use <id>`，或在 Codex 中用 /model 选择 Switchboard 的一个模型。
