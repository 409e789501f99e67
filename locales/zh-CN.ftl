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
